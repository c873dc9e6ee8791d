// Compiles the SQLite extensions under native/ into dist/native/: the statement deadline (sqlite-deadline.c) and
// BM25 with given document counts (sqlite-rank.c). Without a C compiler Paperboy still runs: searches then stop
// at their budget in the web process, not inside SQLite, and keyword ranking uses FTS5's own bm25(). It also
// assembles the LSA projection (lsa-project.wat) into WebAssembly with wabt.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const root = join(dirname(new URL(import.meta.url).pathname), "..");
const headers = join(
  dirname(createRequire(import.meta.url).resolve("better-sqlite3/package.json")),
  "deps",
  "sqlite3",
);
const EXTENSIONS = {
  "sqlite-deadline": "searches will be stopped at their budget by the web process instead",
  "sqlite-rank": "keyword ranking will use FTS5's own bm25(), which counts every word's papers per query",
};
for (const [name, instead] of Object.entries(EXTENSIONS)) {
  const output = join(root, "dist", "native", `${name}.so`);
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
        join(root, "native", `${name}.c`),
        "-o",
        output,
        "-lm",
      ],
      { stdio: "inherit" },
    );
  } catch (error) {
    console.warn(`build-native: the SQLite extension ${name} was not built (${error.message}); ${instead}`);
  }
}

// The LSA projection in WebAssembly (native/lsa-project.wat); without it the projection runs in plain loops,
// about five times slower.
const wasmOutput = join(root, "dist", "native", "lsa-project.wasm");
try {
  const { default: wabt } = await import("wabt");
  const toolkit = await wabt();
  const source = join(root, "native", "lsa-project.wat");
  const parsed = toolkit.parseWat(source, readFileSync(source, "utf8"), { simd: true });
  parsed.validate();
  writeFileSync(wasmOutput, parsed.toBinary({}).buffer);
  parsed.destroy();
} catch (error) {
  console.warn(
    `build-native: the LSA projection was not assembled (${error.message}); it will run in plain loops`,
  );
}
