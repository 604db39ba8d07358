// Workflows: ready-made flows with a config and run(), per the guide's recipe (one file, one export line).
export { WorkflowStatus, type WorkflowResult } from "./workflow-status";
export { DailyBriefWorkflow, type DailyBriefConfig, type DailyBriefData, type DailyBriefResult } from "./daily-brief";
