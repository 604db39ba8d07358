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
