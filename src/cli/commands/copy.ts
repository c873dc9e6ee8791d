import { copiedIntact, copyDatabase, type TableCopy } from "../../storage/copy-database.js";
import { openDatabase } from "../../storage/open.js";
import type { Command } from "../command.js";

function requireUrl(value: unknown, flag: string): string {
  if (typeof value !== "string" || value === "") throw new Error(`${flag} URL is required`);
  return value;
}

/** One line per table: the counts on both sides and the checksums, so the operator sees nothing was lost. */
export function formatCopyReport(copies: readonly TableCopy[]): string {
  const width = Math.max(5, ...copies.map((copy) => copy.table.length));
  const header = `${"table".padEnd(width)}  ${"from rows".padStart(10)}  ${"to rows".padStart(10)}  checksum (from = to)`;
  const lines = copies.map((copy) => {
    const same = copiedIntact(copy);
    const checksum = same ? copy.source.checksum : `${copy.source.checksum} != ${copy.target.checksum}`;
    return `${copy.table.padEnd(width)}  ${String(copy.source.rows).padStart(10)}  ${String(copy.target.rows).padStart(10)}  ${checksum}${same ? "" : "  MISMATCH"}`;
  });
  return `${[header, ...lines].join("\n")}\n`;
}

export const copyCommand: Command = {
  name: "copy",
  usage: "copy --from URL --to URL",
  summary: "move an instance between databases (SQLite, PostgreSQL), with counts and checksums",
  options: { from: { type: "string" }, to: { type: "string" } },
  async run(args, context) {
    const from = requireUrl(args.values.from, "--from");
    const to = requireUrl(args.values.to, "--to");
    if (from === to) throw new Error("--from and --to name the same database");
    const source = openDatabase(from);
    const target = openDatabase(to);
    try {
      const copies = await copyDatabase(source, target, (table, rows) => {
        context.stderr.write(`copied ${table} (${rows} rows)\n`);
      });
      context.stdout.write(formatCopyReport(copies));
      const broken = copies.filter((copy) => !copiedIntact(copy));
      if (broken.length === 0) return 0;
      context.stderr.write(`paperboy copy: ${broken.map((c) => c.table).join(", ")} differ after the copy\n`);
      return 1;
    } finally {
      await Promise.all([source.close(), target.close()]);
    }
  },
};
