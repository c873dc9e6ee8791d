import type { ParseArgsConfig } from "node:util";
import type { Config } from "../config.js";

export type OptionSpec = NonNullable<ParseArgsConfig["options"]>;

export interface ParsedArgs {
  readonly values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  readonly positionals: readonly string[];
}

export interface CommandContext {
  readonly config: Config;
  /** Where progress and messages go (stderr), kept apart from results on stdout. */
  readonly stderr: NodeJS.WritableStream;
  readonly stdout: NodeJS.WritableStream;
}

/** One `paperboy` sub-command. `run` resolves to the exit code; failures throw and are reported in one line. */
export interface Command {
  readonly name: string;
  readonly usage: string;
  readonly summary: string;
  readonly options: OptionSpec;
  /** Sub-commands with a second word (`ingest arxiv`) take it as the first positional. */
  run(args: ParsedArgs, context: CommandContext): Promise<number>;
}
