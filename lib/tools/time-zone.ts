// Time zone names, checked one way for the date tool and the Google day ranges alike.

/** The runtime's own zone: the last resort when neither a setting nor Google names one. */
export const serverTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * The runtime's canonical spelling of an IANA zone ("europe/paris" -> "Europe/Paris", "UTC" stays).
 * Throws RangeError naming a valid example when the runtime knows no such zone.
 */
export function canonicalTimeZone(timeZone: string): string {
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone }).resolvedOptions().timeZone;
  } catch {
    throw new RangeError(`unknown time zone "${timeZone}" (use an IANA name such as "Europe/Paris")`);
  }
}
