import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

/**
 * The first of `candidates` (paths relative to `base`, a module's import.meta.url) that exists, or null: a
 * worker or extension that only the build makes is found beside the compiled module, or in dist/ when the
 * module runs from src/ (tests).
 */
export function builtFile(base: string, ...candidates: string[]): string | null {
  for (const candidate of candidates) {
    const path = fileURLToPath(new URL(candidate, base));
    if (existsSync(path)) return path;
  }
  return null;
}
