import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** Where browser tests leave their screenshots: test-results/screens/ (ignored by git, kept as artefacts). */
export const SCREENS_DIR = fileURLToPath(new URL("../../test-results/screens/", import.meta.url));

export function screenPath(name: string): string {
  mkdirSync(SCREENS_DIR, { recursive: true });
  return join(SCREENS_DIR, `${name}.png`);
}
