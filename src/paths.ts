import { fileURLToPath } from "node:url";

// This file sits at src/paths.ts and, compiled, at dist/paths.js: one level below the package root either way.
export const PACKAGE_ROOT = fileURLToPath(new URL("../", import.meta.url));
export const PUBLIC_DIR = fileURLToPath(new URL("../public/", import.meta.url));
export const DEMO_CORPUS = fileURLToPath(new URL("../corpus/demo-papers.jsonl.gz", import.meta.url));
