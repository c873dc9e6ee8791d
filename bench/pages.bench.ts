/**
 * Page speed: requests/s and latency percentiles for the day page and a paper page under 50 concurrent
 * connections for 10 s each (after an untimed 3 s of the same load), against `paperboy serve` in a child process on loopback with the bundled demo
 * corpus; then what each page weighs in CSS and JavaScript, compressed. Runs on SQLite, then on PostgreSQL when a
 * server is named (bench/databases.ts: BENCH_DATABASE_URL, BENCH_DATABASES).
 *
 * The load comes from wrk when it is installed (`apt-get install wrk`): it is written in C and leaves the
 * CPU to the server. Otherwise autocannon (npm) runs in this process; its JavaScript HTTP parser becomes the
 * bottleneck on pages of tens of kilobytes on a 2-core machine, so its figures are a floor.
 */
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { get as httpGet } from "node:http";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { addUser } from "../src/community/accounts.js";
import { startSession } from "../src/community/sessions.js";
import { loadConfig } from "../src/config.js";
import { createServices } from "../src/services.js";
import { SESSION_COOKIE } from "../src/web/auth/session.js";
import { type Getter, pageWeight } from "../test/helpers/page-weight.js";
import { freePort } from "../test/helpers/server.js";
import { onEachDatabase } from "./databases.js";

const CLI = fileURLToPath(new URL("../dist/cli/main.js", import.meta.url));
const CONNECTIONS = 50;
const SECONDS = 10;
// An untimed run first: figures for a long-running server, not for V8 compiling the hot paths.
const WARM_UP_SECONDS = 3;
const WRK = ["/usr/bin/wrk", "/usr/local/bin/wrk"].find((path) => existsSync(path));

interface Figures {
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly bad: number;
}

const SECRET_KEY = "bench-secret-key-that-is-long-enough-0123456789";

/** A real session of a member account, made in the served database, as a signed-in reader's cookie. */
async function memberCookie(databaseUrl: string): Promise<string> {
  const services = await createServices(
    loadConfig({ DATABASE_URL: databaseUrl, SECRET_KEY, LOG_LEVEL: "silent" }),
  );
  try {
    const { account } = await addUser(services, "bench-reader@example.org", "member");
    return `${SESSION_COOKIE}=${(await startSession(services, account.id)).token}`;
  } finally {
    await services.close();
  }
}

async function startServer(databaseUrl: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [CLI, "serve", "--port", String(port), "--no-jobs"], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      SECRET_KEY,
      LOG_LEVEL: "warn",
      NODE_ENV: "production",
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  await new Promise<void>((resolve, reject) => {
    let said = "";
    child.stderr?.on("data", (chunk: Buffer) => {
      said += chunk.toString();
      if (said.includes("serving on")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`serve exited with ${code}: ${said}`)));
  });
  return child;
}

async function withAutocannon(
  url: string,
  headers: Record<string, string>,
  seconds = SECONDS,
): Promise<Figures> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: seconds, headers });
  const bad = result.errors + result.non2xx - (result["3xx"] ?? 0);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, bad };
}

function milliseconds(text: string, label: string): number {
  const match = new RegExp(`${label}\\s+([\\d.]+)(us|ms|s)`).exec(text);
  if (!match) return Number.NaN;
  const factor = { us: 0.001, ms: 1, s: 1000 }[match[2] as "us" | "ms" | "s"];
  return Number(match[1]) * factor;
}

async function withWrk(
  wrk: string,
  url: string,
  headers: Record<string, string>,
  seconds = SECONDS,
): Promise<Figures> {
  const headerArgs = Object.entries(headers).flatMap(([name, value]) => ["-H", `${name}: ${value}`]);
  const args = ["-t", "1", "-c", String(CONNECTIONS), "-d", `${seconds}s`, "--latency", ...headerArgs, url];
  const output = await new Promise<string>((resolve, reject) =>
    execFile(wrk, args, (error, stdout) => (error ? reject(error) : resolve(stdout))),
  );
  const errors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output);
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(output)?.[1] ?? 0);
  const socket = errors ? errors.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0;
  return {
    rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(output)?.[1] ?? Number.NaN),
    p50: milliseconds(output, "50%"),
    p99: milliseconds(output, "99%"),
    bad: socket + non2xx,
  };
}

async function load(title: string, url: string, headers: Record<string, string>) {
  const measure = (seconds: number) =>
    WRK ? withWrk(WRK, url, headers, seconds) : withAutocannon(url, headers, seconds);
  await measure(WARM_UP_SECONDS);
  const f = await measure(SECONDS);
  console.log(
    `${title.padEnd(44)} ${Math.round(f.rps).toString().padStart(6)} req/s   p50 ${f.p50.toFixed(1)} ms` +
      `   p99 ${f.p99.toFixed(1)} ms${f.bad ? `   (${f.bad} errors or error statuses)` : ""}`,
  );
}

// node:http rather than fetch, which would undo the compression being measured.
const get: Getter = (url, headers) =>
  new Promise((resolve, reject) => {
    httpGet(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ body: Buffer.concat(chunks) }));
    }).on("error", reject);
  });

export async function run(): Promise<void> {
  await onEachDatabase("pages", async (database) => {
    const port = await freePort();
    const server = await startServer(database.url, port);
    try {
      await measure(`http://127.0.0.1:${port}`, await memberCookie(database.url));
    } finally {
      server.kill("SIGTERM");
      await new Promise((resolve) => server.once("exit", resolve));
    }
  });
}

async function measure(base: string, member: string): Promise<void> {
  const day = await (await fetch(`${base}/papers`)).text();
  const paperPath = /href="(\/papers\/\d{4}\.\d{4,5})"/.exec(day)?.[1] ?? "/papers/2606.14721";
  const etag = (await fetch(`${base}/papers`)).headers.get("etag") ?? "";
  console.log(
    `${CONNECTIONS} connections, ${SECONDS} s each after ${WARM_UP_SECONDS} s untimed, demo corpus, one serve process on loopback, load from ${WRK ? "wrk" : "autocannon"}`,
  );
  await load("day page /papers (brotli, rendered copy)", `${base}/papers`, { "accept-encoding": "br" });
  await load("day page /papers (no compression)", `${base}/papers`, {});
  await load(`paper page ${paperPath} (brotli)`, `${base}${paperPath}`, { "accept-encoding": "br" });
  await load("day page revalidated (If-None-Match: 304)", `${base}/papers`, { "if-none-match": etag });
  await load("day page signed in (rendered per request)", `${base}/papers`, {
    "accept-encoding": "br",
    cookie: member,
  });
  for (const path of ["/papers", paperPath]) {
    const weight = await pageWeight(
      (url, headers) => get(new URL(url, base).href, headers),
      `${base}${path}`,
    );
    console.log(
      `CSS+JS of ${path}, brotli: ${(weight.total / 1024).toFixed(1)} KB over ${Object.keys(weight.assets).length} files`,
    );
  }
}
