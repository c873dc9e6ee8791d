/**
 * `npm run bench [NAME...]`: runs every bench/*.bench.ts (or those whose name contains a given word) in turn.
 * Each prints its own figures. Benchmarks read the shared data set from ../shared/data (or SHARED_DATA) and say
 * so when it is missing.
 */
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

const here = fileURLToPath(new URL(".", import.meta.url));
const filters = process.argv.slice(2);
const files = readdirSync(here)
  .filter((name) => name.endsWith(".bench.ts"))
  .filter((name) => filters.length === 0 || filters.some((word) => name.includes(word)))
  .sort();

for (const file of files) {
  console.log(`\n== ${file.replace(/\.bench\.ts$/, "")} ==`);
  const started = performance.now();
  const module = (await import(`./${file}`)) as { run(): Promise<void> };
  await module.run();
  console.log(`(${((performance.now() - started) / 1000).toFixed(1)} s)`);
}
