// Validation for a flow's own fields, shared by the server's procedures and the browser's forms.
import { z } from "zod";

export const MAX_FLOW_NAME_LENGTH = 200;
export const MAX_FLOW_DESCRIPTION_LENGTH = 2000;

export const flowNameSchema = z
  .string()
  .trim()
  .min(1, "name must not be empty")
  .max(MAX_FLOW_NAME_LENGTH, `name must be at most ${MAX_FLOW_NAME_LENGTH} characters`);

export const flowDescriptionSchema = z
  .string()
  .max(MAX_FLOW_DESCRIPTION_LENGTH, `description must be at most ${MAX_FLOW_DESCRIPTION_LENGTH} characters`);

export const flowIdSchema = z.string().min(1, "id must not be empty").max(100);

/** The largest version a flow can have: the stored column is a 32-bit integer on PostgreSQL. */
export const MAX_FLOW_VERSION = 2_147_483_647;

/** A flow version a client names (the version a save replaces, a version to restore). */
export const flowVersionSchema = z
  .number()
  .int("version must be a whole number")
  .positive("version must be 1 or more")
  .max(MAX_FLOW_VERSION, `version must be at most ${MAX_FLOW_VERSION}: send the version the flow was loaded at`);
