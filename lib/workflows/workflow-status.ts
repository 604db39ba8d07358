// What every workflow reports, after the guide's WorkflowStatus / WorkflowResult.
export const WorkflowStatus = {
  Pending: "pending",
  Running: "running",
  Completed: "completed",
  Failed: "failed",
} as const;

export type WorkflowStatus = (typeof WorkflowStatus)[keyof typeof WorkflowStatus];

export type WorkflowResult<Data> = {
  status: WorkflowStatus;
  /** ISO 8601. */
  startedAt: string;
  finishedAt: string;
  /** What went wrong, one readable sentence each; a completed run may still name a source that failed. */
  errors: string[];
  data: Data;
};
