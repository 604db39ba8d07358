// Google Calendar and Gmail for OsMEN (Node side; the node kinds in lib/flow use only the browser-safe files).
//
// Settings / OAuth routes:
//   const settings = readGoogleClientSettings() ?? { clientId, clientSecret };  // + redirectUri
//   redirect(buildConsentUrl({ ...settings, redirectUri }, { state }));
//   const grant = await exchangeCode({ ...settings, redirectUri }, code);       // store grant.refreshToken in the vault
// A run (the executor passes it to kinds as services.integrations.google):
//   execute(plan, { integrations: { google: createGoogleServices({ client: settings, refreshToken: () => loadTokenFromVault(userId) }) } })
export { createGoogleServices, type GoogleServicesOptions, type RefreshTokenSource } from "./services";
export {
  buildConsentUrl,
  createOAuthClient,
  exchangeCode,
  GOOGLE_SCOPES,
  missingScopes,
  readGoogleClientSettings,
  revokeGrant,
  type GoogleClientSettings,
  type GoogleGrant,
  type OAuthClient,
} from "./oauth";
export { describeGoogleError, GoogleAccessError, googleErrorCodes, notConnectedError, RECONNECT_HINT, toGoogleError, type GoogleErrorCode } from "./errors";
export { sampleCalendarEvents, sampleEmails } from "./sample-data";
export { findConflicts, looksLikeItNeedsReply, sortEvents } from "./analysis";
export { calendarStatus, describeCalendar, describeInbox, gmailStatus } from "./digest";
export { dayRange, resolveTimeZone, type DayRange } from "./day-range";
export { readCalendar, type CalendarReadSettings } from "./calendar-source";
export { DEFAULT_GMAIL_QUERY, readGmail, type GmailReadSettings } from "./gmail-source";
export { requireGoogle, type SourceAccess } from "./source-access";
export type * from "./types";
