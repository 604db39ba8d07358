// A setting that names a server endpoint (a model's Base URL, an MCP server's URL). It never carries a user
// name or password: fetch refuses such URLs ("Request cannot be constructed from a URL that includes
// credentials"), and a password there would show in every error message and stored run. Keys belong in a
// stored credential, which is sent only to the endpoint it was stored for.
import { z } from "zod";

const hasUserInfo = (value: string) => {
  try {
    const url = new URL(value);
    return url.username !== "" || url.password !== "";
  } catch {
    return false;
  }
};

/** Refuses an http(s) URL with a `user:password@` part, naming the fix. */
export const withoutUserInfo = <Schema extends z.ZodType<string>>(schema: Schema) =>
  schema.refine((value) => !hasUserInfo(value), {
    message: "must not contain a user name or password (user:password@); store the key as a credential and pick it on the node",
  });
