import { sqliteFileOfUrl } from "../../storage/database-url.js";
import { backupSqlite } from "../../storage/sqlite/backup.js";
import type { Command } from "../command.js";

export const backupCommand: Command = {
  name: "backup",
  usage: "backup FILE",
  summary: "write a consistent copy of the SQLite database while Paperboy runs",
  options: {},
  async run(args, context) {
    const [file, ...extra] = args.positionals;
    if (!file || extra.length > 0) throw new Error("name one backup FILE");
    const url = context.config.databaseUrl;
    const source = sqliteFileOfUrl(url);
    if (source === null)
      throw new Error("backup copies SQLite databases; for PostgreSQL use pg_dump (see docs/deployment.md)");
    if (source === ":memory:") throw new Error("an in-memory database has nothing to back up");
    const result = await backupSqlite(source, file);
    const megabytes = (result.bytes / 1024 / 1024).toFixed(1);
    context.stdout.write(`backed up ${result.papers} papers to ${result.file} (${megabytes} MB)\n`);
    return 0;
  },
};
