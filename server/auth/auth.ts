// Better Auth, configured for OsMEN Studio: email + password accounts in our own database (Prisma adapter,
// SQLite or PostgreSQL), the admin plugin for roles and disabling users, and our sign-up policy as hooks so
// it holds for every client, not only the sign-up page.
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { admin } from "better-auth/plugins";
import type { Db } from "@/server/db/client";
import { LOCAL_USER_ID } from "./caller.ts";
import { sameHostOrigins } from "./origins.ts";
import { SIGN_UP_CLOSED_MESSAGE, admitNewUser, isSignUpAllowed, takeOverLocalRows, type SignUpMode } from "./sign-up-policy.ts";
import { assertUserBodyFieldLengths, assertUserFieldLengths } from "./user-fields.ts";

export type AuthSettings = {
  db: Db;
  /** Signs session cookies; at least 32 characters. */
  secret: string;
  /** BETTER_AUTH_URL, else the first OSMEN_ORIGIN; unset: each request's own origin. */
  baseURL?: string;
  /** Origins allowed to post to /api/auth besides baseURL (OSMEN_ORIGIN); empty: the request's own host. */
  trustedOrigins: string[];
  signUp: SignUpMode;
  /** `Secure` cookies: true when served over HTTPS (an https origin, or behind a TLS proxy). */
  secureCookies: boolean;
  /** Behind a proxy: trust X-Forwarded-Host/-Proto for the base URL. */
  trustProxy: boolean;
};

/** Minimum password length (NIST SP 800-63B asks for at least 8). */
export const MIN_PASSWORD_LENGTH = 8;

type SignUpBody = { email?: unknown; invite?: unknown };
const signUpRequestOf = (body: SignUpBody | undefined) => ({
  email: typeof body?.email === "string" ? body.email : "",
  invite: typeof body?.invite === "string" ? body.invite : null,
});

/** The endpoints whose body writes a user's name or image (the admin plugin's under `data`). */
const USER_WRITING_PATHS = new Set(["/sign-up/email", "/update-user", "/admin/create-user", "/admin/update-user"]);

/** Builds a Better Auth instance over `settings.db`. The app keeps one (`getAuth`); tests make their own. */
export function createAuth(settings: AuthSettings) {
  const { prisma } = settings.db;
  return betterAuth({
    appName: "OsMEN Studio",
    secret: settings.secret,
    baseURL: settings.baseURL,
    basePath: "/api/auth",
    trustedOrigins: settings.trustedOrigins.length > 0 ? settings.trustedOrigins : (request) => sameHostOrigins(request?.headers, settings.trustProxy),
    database: prismaAdapter(prisma, { provider: settings.db.provider }),
    // autoSignIn off makes Better Auth answer a sign-up for a taken email exactly like a new one, so
    // sign-up never reveals who has an account; the page signs in right after.
    emailAndPassword: {
      enabled: true,
      autoSignIn: false,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      // The stand-in user answered for a taken email carries the admin plugin's fields as a new user's row
      // does (a user's role, not banned), so no field of the answer tells the two apart.
      customSyntheticUser: ({ coreFields, additionalFields, id }) => ({
        ...coreFields,
        role: "user",
        banned: false,
        banReason: null,
        banExpires: null,
        ...additionalFields,
        id,
      }),
    },
    plugins: [admin({ defaultRole: "user", adminRoles: ["admin"], bannedUserMessage: "This account is disabled. Ask the admin." })],
    // Failed sign-ins are limited per IP and per account by rate-limiter-flexible around the handler.
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
    // disableOriginCheck: false keeps the cross-site check on under NODE_ENV=test too (Better Auth's default
    // turns it off there), so tests see what production does.
    advanced: { useSecureCookies: settings.secureCookies, trustedProxyHeaders: settings.trustProxy, disableOriginCheck: false },
    hooks: {
      // Refuses before Better Auth looks the email up, so a closed sign-up answers the same for every email.
      // Field caps come first, for a taken email as for a new one (Better Auth writes no row for a taken one).
      before: createAuthMiddleware(async (ctx) => {
        if (USER_WRITING_PATHS.has(ctx.path)) assertUserBodyFieldLengths(ctx.body as Parameters<typeof assertUserBodyFieldLengths>[0]);
        if (ctx.path !== "/sign-up/email") return;
        if (!(await isSignUpAllowed(prisma, settings.signUp, signUpRequestOf(ctx.body as SignUpBody)))) {
          throw new APIError("FORBIDDEN", { message: SIGN_UP_CLOSED_MESSAGE, code: "SIGN_UP_CLOSED" });
        }
      }),
    },
    databaseHooks: {
      user: {
        create: {
          before: async (user, ctx) => {
            // Also here, so a path that writes users without passing the request hook is capped too.
            assertUserFieldLengths(user);
            const admitted = await admitNewUser(prisma, settings.signUp, signUpRequestOf({ email: user.email, invite: (ctx?.body as SignUpBody | undefined)?.invite }));
            if (!admitted) throw new APIError("FORBIDDEN", { message: SIGN_UP_CLOSED_MESSAGE, code: "SIGN_UP_CLOSED" });
            return { data: { ...user, role: admitted.role } };
          },
          after: async (user) => {
            if (user.role === "admin") await takeOverLocalRows(prisma, user.id);
          },
        },
        update: {
          before: async (user) => assertUserFieldLengths(user),
        },
      },
      session: {
        create: {
          // The placeholder owner of local mode is not a person: nothing may ever sign in as it.
          before: async (session) => (session.userId === LOCAL_USER_ID ? false : undefined),
        },
      },
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;
