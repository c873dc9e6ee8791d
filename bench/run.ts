/**
 * `npm run bench [NAME...] [--option value...]`: runs every bench/*.bench.ts in turn, or those a word names:
 * the one of exactly that name if there is one (`import`), else every one whose name contains the word
 * (`search`). Options after the names go to each benchmark run (`npm run bench -- scale --papers 300000`).
 * Each prints its own figures. Benchmarks read the shared data set from ../shared/data (or SHARED_DATA) and say
 * so when it is missing.
 */
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type BenchOptions, splitBenchArgs } from "./options.js";

const here = fileURLToPath(new URL(".", import.meta.url));
const { names: filters, options } = splitBenchArgs(process.argv.slice(2));
const all = readdirSync(here).filter((name) => name.endsWith(".bench.ts"));
const named = (word: string) => {
  const exact = all.filter((name) => name === `${word}.bench.ts`);
  return exact.length > 0 ? exact : all.filter((name) => name.includes(word));
};
const files = filters.length === 0 ? all.sort() : [...new Set(filters.flatMap(named))].sort();

for (const file of files) {
  console.log(`\n== ${file.replace(/\.bench\.ts$/, "")} ==`);
  const started = performance.now();
  const module = (await import(`./${file}`)) as { run(options: BenchOptions): Promise<void> };
  // A benchmark that fails says why in one line and the others still run; the exit code says one failed.
  const failed = await module.run(options).then(
    () => false,
    (error: unknown) => {
      console.error(`${file}: ${error instanceof Error ? error.message : String(error)}`);
      return true;
    },
  );
  if (failed) process.exitCode = 1;
  console.log(`(${((performance.now() - started) / 1000).toFixed(1)} s)`);
}
