// tRPC: context, error formatting and the base procedure. Routers stay thin: validate, call a service, return.
import { TRPCError, initTRPC } from "@trpc/server";
import superjson from "superjson";
import { ZodError, z } from "zod";
import { isAppError } from "@/lib/errors";
import { getDb } from "@/server/db";
import type { Db } from "@/server/db/client";
import { toTRPCError } from "@/server/errors";
import { createServices, type Services } from "@/server/services";

export type Context = { db: Db; services: Services; headers: Headers };

export async function createContext({ headers, db = getDb() }: { headers: Headers; db?: Db }): Promise<Context> {
  return { db, services: createServices(db), headers };
}

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    return {
      ...shape,
      data: {
        ...shape.data,
        // Field-level messages for forms: `{ fieldErrors: { name: ["name must not be empty"] } }`.
        zodError: cause instanceof ZodError ? z.flattenError(cause) : null,
        appCode: isAppError(cause) ? cause.code : null,
        details: isAppError(cause) ? (cause.details ?? null) : null,
      },
    };
  },
});

/** "name: name must not be empty; graph.edges.0.target: ..." — each problem with the field it concerns. */
export function describeZodError(error: ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join(".")}: ${issue.message}` : issue.message))
    .join("; ");
}

/** Service errors become their tRPC code; invalid input becomes a BAD_REQUEST whose message names each field. */
const normaliseErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (result.ok) return result;
  const cause = result.error.cause;
  if (isAppError(cause)) throw toTRPCError(cause);
  if (cause instanceof ZodError) throw new TRPCError({ code: "BAD_REQUEST", message: describeZodError(cause), cause });
  return result;
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.use(normaliseErrors);
