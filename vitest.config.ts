import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  test: {
    include: ["src/**/*.test.ts", "src/**/*.test.tsx", "test/**/*.test.ts", "test/**/*.test.tsx"],
    // Generous: browser and process tests share two cores with everything else on a busy machine.
    testTimeout: 90_000,
    hookTimeout: 60_000,
    pool: "forks",
    globalSetup: ["test/global-setup.ts"],
    // Vitest runs one file fewer than the machine has cores: on CI's two, one file at a time, with a core idle
    // while a suite waits on PostgreSQL, a spawned process or Chromium. Files at once: one more than the cores.
    maxWorkers: availableParallelism() + 1,
  },
});
