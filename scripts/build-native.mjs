// Compiles the SQLite deadline extension (native/sqlite-deadline.c) into dist/native/. Without a C compiler
// Paperboy still runs: searches then stop at their budget in the web process, not inside SQLite.
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const root = join(dirname(new URL(import.meta.url).pathname), "..");
const headers = join(
  dirname(createRequire(import.meta.url).resolve("better-sqlite3/package.json")),
  "deps",
  "sqlite3",
);
const output = join(root, "dist", "native", "sqlite-deadline.so");
mkdirSync(dirname(output), { recursive: true });
try {
  execFileSync(
    process.env.CC ?? "cc",
    [
      "-O2",
      "-shared",
      "-fPIC",
      "-pthread",
      "-I",
      headers,
      join(root, "native", "sqlite-deadline.c"),
      "-o",
      output,
    ],
    { stdio: "inherit" },
  );
} catch (error) {
  console.warn(
    `build-native: the SQLite deadline extension was not built (${error.message}); searches will be stopped at their budget by the web process instead`,
  );
}
