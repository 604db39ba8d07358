// The shape every command module exports; its own file so commands and the registry do not import each other.
export type Command = {
  description: string;
  /** Returns the process exit code (0 when omitted). */
  run: (args: string[]) => Promise<number | void>;
};
