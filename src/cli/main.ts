#!/usr/bin/env node
import { parseArgs } from "node:util";
import { ConfigError, loadConfig } from "../config.js";
import { isAppError } from "../core/errors.js";
import { describeStorageFault } from "../storage/storage-faults.js";
import type { Command } from "./command.js";

/** A command known by name; its module is loaded only when it runs. */
interface LazyCommand {
  readonly name: string;
  load(): Promise<Command>;
}

/**
 * Loading every command's module at start-up costs a bulk import the web server's, the mailer's and the
 * embedders' load time (about a second on a busy machine), so only the command that runs is loaded.
 */
const COMMANDS: readonly LazyCommand[] = [
  { name: "serve", load: async () => (await import("./commands/serve.js")).serveCommand },
  { name: "migrate", load: async () => (await import("./commands/migrate.js")).migrateCommand },
  { name: "import", load: async () => (await import("./commands/import.js")).importCommand },
  { name: "demo", load: async () => (await import("./commands/demo.js")).demoCommand },
  { name: "fetch", load: async () => (await import("./commands/fetch.js")).fetchCommand },
  { name: "user", load: async () => (await import("./commands/user.js")).userCommand },
  { name: "token", load: async () => (await import("./commands/token.js")).tokenCommand },
  { name: "account", load: async () => (await import("./commands/account.js")).accountCommand },
  { name: "copy", load: async () => (await import("./commands/copy.js")).copyCommand },
  { name: "backup", load: async () => (await import("./commands/backup.js")).backupCommand },
  { name: "index", load: async () => (await import("./commands/index-embeddings.js")).indexCommand },
  { name: "ingest", load: async () => (await import("./commands/ingest.js")).ingestCommand },
  { name: "digest", load: async () => (await import("./commands/digest.js")).digestCommand },
  { name: "subscribers", load: async () => (await import("./commands/subscribers.js")).subscribersCommand },
];

async function help(): Promise<string> {
  const commands = await Promise.all(COMMANDS.map((command) => command.load()));
  const width = Math.max(...commands.map((c) => c.usage.length));
  const lines = commands.map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`);
  return `Usage: paperboy COMMAND [options]\n\nCommands:\n${lines.join("\n")}\n`;
}

export async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(await help());
    return name ? 0 : 2;
  }
  const known = COMMANDS.find((c) => c.name === name);
  if (!known) {
    process.stderr.write(`paperboy: unknown command "${name}"\n${await help()}`);
    return 2;
  }
  const command = await known.load();
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
  const fault = describeStorageFault(error);
  if (fault) return fault;
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
