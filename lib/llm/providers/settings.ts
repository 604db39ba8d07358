// Node settings shared by several providers' descriptors: a setting left empty ("") is "provider default" and
// is not sent at all.
import { z } from "zod";

export const providerDefaultNote = "Empty: the provider's default (not sent).";

/** A number that may be left empty (""), meaning "not sent". */
export const optionalNumber = (number: z.ZodNumber) => z.union([number, z.literal("")]).default("");

/** Sampling temperature, 0 to 2; `note` adds which models never get one. */
export function temperatureSetting(note = "") {
  return optionalNumber(z.number().min(0).max(2)).meta({
    title: "Temperature",
    description: note ? `${providerDefaultNote} ${note}` : providerDefaultNote,
    widget: "slider",
  });
}

/** OpenAI's `reasoning_effort`, for its reasoning model families only. */
export function reasoningEffortSetting() {
  return z
    .enum(["", "minimal", "low", "medium", "high"])
    .default("")
    .meta({ title: "Reasoning effort", description: `Reasoning models only. ${providerDefaultNote}` });
}
