"use client";
// The run controller's context, apart from RunProvider so that what the provider renders (the run dialog)
// can read it without importing the provider back.
import { createContext, useContext } from "react";
import type { RunController } from "./use-run-controller";

export const RunContext = createContext<RunController | null>(null);

/** The open flow's run controller; throws outside a RunProvider, which is a programming error. */
export function useRun(): RunController {
  const controller = useContext(RunContext);
  if (!controller) throw new Error("useRun must be used inside a RunProvider");
  return controller;
}
