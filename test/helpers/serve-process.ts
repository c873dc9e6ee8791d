import { type ChildProcess, spawn } from "node:child_process";
import { CLI, cliEnv } from "./cli.js";

export interface ServeProcess {
  readonly child: ChildProcess;
  readonly baseUrl: string;
  /** Everything the process wrote to stderr so far (its log). */
  readonly log: () => string;
}

/** Starts `paperboy serve` from the built CLI on a free port and waits for the line saying where it serves. */
export function serve(env: Record<string, string>, args: readonly string[] = []): Promise<ServeProcess> {
  const child = spawn(process.execPath, [CLI, "serve", "--port", "0", ...args], {
    env: cliEnv(env),
    stdio: ["ignore", "ignore", "pipe"],
  });
  let output = "";
  return new Promise((resolve, reject) => {
    child.stderr?.on("data", (chunk) => {
      output += String(chunk);
      const match = /serving on (http:\/\/\S+)\/papers/.exec(output);
      if (match?.[1]) resolve({ child, baseUrl: match[1], log: () => output });
    });
    child.once("exit", (code) => reject(new Error(`serve exited with ${code}: ${output}`)));
  });
}

/** Stops a serve process the way systemd does (SIGTERM) and resolves with its exit code. */
export function stop(server: ServeProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (server.child.exitCode !== null) resolve(server.child.exitCode);
    server.child.once("exit", (code) => resolve(code));
    server.child.kill("SIGTERM");
  });
}

/**
 * Asks `probe` every half second until it answers true (anything else says what is still missing); resolves
 * with the seconds it took, or throws with the last answer.
 */
export async function eventually(
  probe: () => Promise<true | string>,
  seconds: number,
  what: string,
): Promise<number> {
  const started = performance.now();
  for (;;) {
    const answer = await probe();
    if (answer === true) return (performance.now() - started) / 1000;
    if (performance.now() - started > seconds * 1000)
      throw new Error(`not within ${seconds} s: ${what} (${answer})`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
