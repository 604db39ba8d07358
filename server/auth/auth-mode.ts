// Which auth mode the server runs in. Local mode (one implicit owner, no login) is safe only while nobody
// but this machine can reach the server, so it is refused on any address that is not loopback.
import ipaddr from "ipaddr.js";

/** `local`: one implicit owner, no sign-in. `accounts`: Better Auth sessions, sign-up policy, admin. */
export type AuthMode = "local" | "accounts";

export type AuthModeEnv = { OSMEN_AUTH?: AuthMode | undefined; HOST?: string | undefined };

/**
 * Thrown at start when `OSMEN_AUTH=local` is asked for on an address other machines can reach.
 * The message names both fixes.
 */
export class AuthModeError extends Error {
  constructor(host: string) {
    super(
      `OSMEN_AUTH=local gives everyone who can reach the server full control, so it is allowed only on loopback, ` +
        `but HOST is "${host}". Either bind to this machine only (HOST=127.0.0.1) or require sign-in (OSMEN_AUTH=accounts).`,
    );
    this.name = "AuthModeError";
  }
}

/**
 * True for `localhost` and every loopback address (`127.0.0.0/8`, `::1`, and IPv4-mapped `::ffff:127.x`).
 * `0.0.0.0` and `::` are the wildcard (every interface), not loopback. Brackets (`[::1]`) are accepted.
 */
export function isLoopbackHost(host: string): boolean {
  const bare = host.trim().toLowerCase().replace(/^\[(.*)\]$/, "$1");
  if (bare === "localhost" || bare.endsWith(".localhost")) return true;
  if (!ipaddr.isValid(bare)) return false;
  const address = ipaddr.process(bare); // unwraps IPv4-mapped IPv6
  return address.range() === "loopback";
}

/**
 * The mode for this server: `OSMEN_AUTH` when set, else `local` on loopback and `accounts` anywhere else.
 * `HOST` is the bind address (default `127.0.0.1`, as the npm scripts pass to `next -H`).
 * @throws AuthModeError when `OSMEN_AUTH=local` and `HOST` is not loopback.
 */
export function resolveAuthMode(env: AuthModeEnv): AuthMode {
  const host = env.HOST ?? "127.0.0.1";
  const isLoopback = isLoopbackHost(host);
  if (env.OSMEN_AUTH === "local" && !isLoopback) throw new AuthModeError(host);
  return env.OSMEN_AUTH ?? (isLoopback ? "local" : "accounts");
}
