#!/usr/bin/env node
import { parseArgs } from "node:util";
import { ConfigError, loadConfig } from "../config.js";
import { isAppError } from "../core/errors.js";
import type { Command } from "./command.js";
import { backupCommand } from "./commands/backup.js";
import { copyCommand } from "./commands/copy.js";
import { demoCommand } from "./commands/demo.js";
import { digestCommand } from "./commands/digest.js";
import { fetchCommand } from "./commands/fetch.js";
import { importCommand } from "./commands/import.js";
import { indexCommand } from "./commands/index-embeddings.js";
import { ingestCommand } from "./commands/ingest.js";
import { migrateCommand } from "./commands/migrate.js";
import { serveCommand } from "./commands/serve.js";
import { subscribersCommand } from "./commands/subscribers.js";
import { userCommand } from "./commands/user.js";

const COMMANDS: readonly Command[] = [
  serveCommand,
  migrateCommand,
  importCommand,
  demoCommand,
  fetchCommand,
  userCommand,
  copyCommand,
  backupCommand,
  indexCommand,
  ingestCommand,
  digestCommand,
  subscribersCommand,
];

function help(): string {
  const width = Math.max(...COMMANDS.map((c) => c.usage.length));
  const lines = COMMANDS.map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`);
  return `Usage: paperboy COMMAND [options]\n\nCommands:\n${lines.join("\n")}\n`;
}

export async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(help());
    return name ? 0 : 2;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`paperboy: unknown command "${name}"\n${help()}`);
    return 2;
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...rest], options: command.options, allowPositionals: true, strict: true });
  } catch (error) {
    process.stderr.write(`paperboy ${name}: ${(error as Error).message}\nusage: paperboy ${command.usage}\n`);
    return 2;
  }
  const config = loadConfig();
  return command.run(parsed, { config, stderr: process.stderr, stdout: process.stdout });
}

function oneLine(error: unknown): string {
  if (error instanceof ConfigError || isAppError(error)) return error.message;
  if (error instanceof Error) return error.message.split("\n")[0] ?? error.name;
  return String(error);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`paperboy: ${oneLine(error)}\n`);
    if (process.env.LOG_LEVEL === "debug" && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    process.exitCode = 1;
  },
);
