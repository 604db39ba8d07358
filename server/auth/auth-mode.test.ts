import { describe, expect, it } from "vitest";
import { AuthModeError, isLoopbackHost, resolveAuthMode } from "./auth-mode.ts";

describe("isLoopbackHost", () => {
  it.each(["127.0.0.1", "127.1.2.3", "::1", "[::1]", "localhost", "LOCALHOST", "::ffff:127.0.0.1"])("%s is loopback", (host) => {
    expect(isLoopbackHost(host)).toBe(true);
  });
  it.each(["0.0.0.0", "::", "192.168.1.5", "10.0.0.1", "studio.example.com", "128.0.0.1"])("%s is not", (host) => {
    expect(isLoopbackHost(host)).toBe(false);
  });
});

describe("resolveAuthMode", () => {
  it("is local on loopback when OSMEN_AUTH is unset, so the quick start needs no login", () => {
    expect(resolveAuthMode({})).toBe("local");
    expect(resolveAuthMode({ HOST: "localhost" })).toBe("local");
  });

  it("is accounts whenever the host is not loopback", () => {
    expect(resolveAuthMode({ HOST: "0.0.0.0" })).toBe("accounts");
    expect(resolveAuthMode({ HOST: "192.168.1.5" })).toBe("accounts");
  });

  it("follows OSMEN_AUTH=accounts on loopback too", () => {
    expect(resolveAuthMode({ HOST: "127.0.0.1", OSMEN_AUTH: "accounts" })).toBe("accounts");
  });

  it("refuses OSMEN_AUTH=local on a non-loopback host, naming both fixes", () => {
    expect(() => resolveAuthMode({ HOST: "0.0.0.0", OSMEN_AUTH: "local" })).toThrow(AuthModeError);
    expect(() => resolveAuthMode({ HOST: "0.0.0.0", OSMEN_AUTH: "local" })).toThrow(/HOST=127\.0\.0\.1.*OSMEN_AUTH=accounts/);
  });
});
