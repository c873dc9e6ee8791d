import { migrate } from "../../storage/migrate.js";
import { openDatabase } from "../../storage/open.js";
import type { Command } from "../command.js";

export const migrateCommand: Command = {
  name: "migrate",
  usage: "migrate",
  summary: "apply pending database migrations",
  options: {},
  async run(_args, context) {
    const database = openDatabase(context.config.databaseUrl);
    try {
      const { applied } = await migrate(database);
      context.stdout.write(applied.length === 0 ? "up to date\n" : `applied ${applied.join(", ")}\n`);
      return 0;
    } finally {
      await database.close();
    }
  },
};
