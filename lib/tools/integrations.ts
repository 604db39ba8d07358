// The connected accounts a run can read through, keyed by integration id. A node kind that needs one names
// its id (NodeKind.integration); the server builds the map per run as the run's user, and the engine hands
// it to nodes as `services.integrations` without knowing what is inside. Adding an integration is one line
// here plus its tools folder. Pure types: importing this file pulls in nothing.
import type { GoogleServices } from "./google/types";

/** Live access per integration for one run; an absent entry means that account is not connected. */
export type RunIntegrations = {
  /** Google Calendar and Gmail (lib/tools/google, createGoogleServices). */
  google?: GoogleServices;
};

/** The id a node kind declares to say which connected account it reads. */
export type IntegrationId = keyof RunIntegrations;
