// Caps on the profile fields a client writes into a user row (sign-up, profile update, the admin's user
// forms). Better Auth accepts any string there, so without a cap one request stores megabytes that every
// user list then carries.
import { APIError } from "better-auth/api";

/** The longest name a user may have, in characters (the sign-up form's limit too). */
export const MAX_USER_NAME_LENGTH = 100;
/** The longest profile image URL, in characters (the length browsers and proxies reliably handle). */
export const MAX_USER_IMAGE_LENGTH = 2048;

const limits = [
  { field: "name", max: MAX_USER_NAME_LENGTH, fix: "Use a shorter name" },
  { field: "image", max: MAX_USER_IMAGE_LENGTH, fix: "Use a shorter image URL" },
] as const;

/** What the endpoint's body may carry into a user row: its own fields, or the admin plugin's `data` object. */
type UserFieldsBody = { name?: unknown; image?: unknown; data?: { name?: unknown; image?: unknown } } | undefined;

/**
 * Throws APIError BAD_REQUEST (400, code `FIELD_TOO_LONG`) when `fields` carries a name or image over its cap;
 * the message names the field, the cap and the fix. Other values (absent, not a string) are left to Better Auth.
 */
export function assertUserFieldLengths(fields: { name?: unknown; image?: unknown } | undefined): void {
  for (const { field, max, fix } of limits) {
    const value = fields?.[field];
    if (typeof value === "string" && value.length > max) {
      throw new APIError("BAD_REQUEST", { code: "FIELD_TOO_LONG", message: `The ${field} is ${value.length} characters long; at most ${max} are allowed. ${fix}.` });
    }
  }
}

/** Checks a request body before Better Auth acts on it (see assertUserFieldLengths). */
export function assertUserBodyFieldLengths(body: UserFieldsBody): void {
  assertUserFieldLengths(body);
  if (body && typeof body.data === "object" && body.data !== null) assertUserFieldLengths(body.data);
}
