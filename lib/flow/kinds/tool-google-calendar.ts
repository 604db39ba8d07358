// Google Calendar as a data source and as a tool: the events of a day range across chosen calendars.
// Live access comes from the run (`services.integrations.google`); "Use sample data" needs no account.
// The node's face shows a Sample badge when its kind's `integration.usesSampleData` says so.
import { z } from "zod";
import { failedCalendar, readCalendar } from "@/lib/tools/google/calendar-source";
import { calendarStatus, describeCalendar } from "@/lib/tools/google/digest";
import { defineGoogleSourceKind, numberArg, sourceBaseFields } from "../google-source-kind";
import { stringArg } from "../tool-node";
import { toolNameField } from "../tool-name";

const configSchema = z.object({
  ...sourceBaseFields,
  date: z
    .union([z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "use YYYY-MM-DD"), z.literal("")])
    .default("")
    .meta({ title: "Date", description: "YYYY-MM-DD; empty means today in the time zone." }),
  days: z.number().int().min(1).max(31).default(1).meta({ title: "Days" }),
  timeZone: z.string().max(100).default("").meta({
    title: "Time zone",
    description: 'An IANA name such as "Europe/Paris"; empty uses the calendar\'s own time zone (then the Google account\'s).',
  }),
  calendarIds: z
    .array(z.string().trim().min(1).max(300))
    .max(50)
    .default(["primary"])
    .meta({ title: "Calendars", description: 'Calendar ids; "primary" is your main calendar.', widget: "tags" }),
  maxResults: z.number().int().min(1).max(250).default(50).meta({ title: "Max events per calendar" }),
  toolName: toolNameField("google_calendar"),
});

type CalendarConfig = z.output<typeof configSchema>;

function settingsFrom(args: Record<string, unknown>, config: CalendarConfig) {
  const calendarIds = Array.isArray(args.calendarIds) ? args.calendarIds.filter((id): id is string => typeof id === "string") : config.calendarIds;
  return {
    useSampleData: config.useSampleData,
    date: stringArg(args, "date", config.date),
    days: numberArg(args, "days", config.days, 31),
    timeZone: config.timeZone,
    calendarIds,
    maxResults: config.maxResults,
  };
}

export const googleCalendarToolKind = defineGoogleSourceKind({
  type: "tool.google_calendar",
  title: "Google Calendar",
  description: "Events in a day range (default today) across chosen calendars: times, title, place, attendees, meeting link.",
  configSchema,
  toolDescription:
    "Read-only: list calendar events. Returns events (start, end, title, location, attendeeCount, meetingLink, isAllDay) and overlapping pairs as conflicts.",
  parameters: {
    type: "object",
    properties: {
      date: { type: "string", description: "First day, YYYY-MM-DD; omit for today" },
      days: { type: "integer", description: "Number of days, 1-31 (default 1)" },
      calendarIds: { type: "array", items: { type: "string" }, description: 'Calendar ids; default the configured ones ("primary")' },
    },
  },
  read: (args, config, access) => readCalendar(settingsFrom(args, config), access),
  failed: (message, config, now) => failedCalendar(message, config, now),
  describe: (data) => describeCalendar(data),
  status: calendarStatus,
  summaryParts: (config) => [config.date || "today", config.days > 1 ? `${config.days} days` : null, config.calendarIds.join(", ")],
});
