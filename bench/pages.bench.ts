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
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { get as httpGet } from "node:http";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { addUser } from "../src/community/accounts.js";
import { setNotInterested } from "../src/community/not-interested.js";
import { setRead } from "../src/community/reading.js";
import { setSaved } from "../src/community/saves.js";
import { startSession } from "../src/community/sessions.js";
import { setUpvote } from "../src/community/upvotes.js";
import { loadConfig } from "../src/config.js";
import { createServices } from "../src/services.js";
import { SESSION_COOKIE } from "../src/web/auth/session.js";
import { type Getter, pageWeight } from "../test/helpers/page-weight.js";
import { freePort } from "../test/helpers/server.js";
import { onEachDatabase } from "./databases.js";
import { BENCH_SECRET_KEY, semanticIndexBuilt, startServe, stopServe } from "./served.js";

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

// Signed-in readers take turns on the connections, each with a few marks of every kind on the day page.
const READERS = 20;

/**
 * Real member sessions in the served database, each reader with an upvote, a save, a read paper and one they
 * are not interested in among the day's papers, as a browser's cookies (session and CSRF secret).
 */
async function readerCookies(
  databaseUrl: string,
  base: string,
  paperIds: readonly string[],
): Promise<string[]> {
  const services = await createServices(
    loadConfig({ DATABASE_URL: databaseUrl, SECRET_KEY: BENCH_SECRET_KEY, LOG_LEVEL: "silent" }),
  );
  try {
    const cookies: string[] = [];
    for (let n = 0; n < READERS; n += 1) {
      const { account } = await addUser(services, `bench-reader-${n}@example.org`, "member");
      const pick = (k: number) => paperIds[(n * 4 + k) % paperIds.length] ?? "";
      await setUpvote(services, account, pick(0), true);
      await setSaved(services, account, pick(1), true);
      await setRead(services, account, pick(2), true);
      await setNotInterested(services, account, pick(3), true);
      const session = `${SESSION_COOKIE}=${(await startSession(services, account.id)).token}`;
      const first = await fetch(`${base}/papers`, { headers: { cookie: session } });
      const csrf = first.headers.getSetCookie().map((cookie) => cookie.split(";")[0]);
      cookies.push([session, ...csrf].join("; "));
    }
    return cookies;
  } finally {
    await services.close();
  }
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

/** A wrk script that sends each request with the next reader's cookies. */
function cookieScript(cookies: readonly string[]): string {
  const path = join(mkdtempSync(join(tmpdir(), "paperboy-pages-")), "readers.lua");
  const list = cookies.map((cookie) => JSON.stringify(cookie)).join(", ");
  writeFileSync(
    path,
    `local cookies = { ${list} }\nlocal n = 0\nrequest = function()\n  n = n + 1\n` +
      `  wrk.headers["Cookie"] = cookies[(n % #cookies) + 1]\n  return wrk.format(nil)\nend\n`,
  );
  return path;
}

async function withWrk(
  wrk: string,
  url: string,
  headers: Record<string, string>,
  seconds: number,
  cookies: readonly string[],
): Promise<Figures> {
  const headerArgs = Object.entries(headers).flatMap(([name, value]) => ["-H", `${name}: ${value}`]);
  const script = cookies.length > 0 ? ["-s", cookieScript(cookies)] : [];
  const args = [
    "-t",
    "1",
    "-c",
    String(CONNECTIONS),
    "-d",
    `${seconds}s`,
    "--latency",
    ...script,
    ...headerArgs,
  ];
  args.push(url);
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

/** Loads one address; with `cookies`, requests take turns among those readers (autocannon: the first only). */
async function load(
  title: string,
  url: string,
  headers: Record<string, string>,
  cookies: readonly string[] = [],
): Promise<Figures> {
  const measure = (seconds: number) =>
    WRK
      ? withWrk(WRK, url, headers, seconds, cookies)
      : withAutocannon(url, cookies[0] ? { ...headers, cookie: cookies[0] } : headers, seconds);
  await measure(WARM_UP_SECONDS);
  const f = await measure(SECONDS);
  console.log(
    `${title.padEnd(52)} ${Math.round(f.rps).toString().padStart(6)} req/s   p50 ${f.p50.toFixed(1)} ms` +
      `   p99 ${f.p99.toFixed(1)} ms${f.bad ? `   (${f.bad} errors or error statuses)` : ""}   load ${loadavg()[0]?.toFixed(1)}`,
  );
  return f;
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
    const server = await startServe(database.url, port);
    try {
      await measure(`http://127.0.0.1:${port}`, database.url);
    } finally {
      await stopServe(server);
    }
  });
}

/** The compressed size of a page as a browser gets it. */
async function sizeOf(url: string, headers: Record<string, string>): Promise<string> {
  const { body } = await get(url, headers);
  return `${(body.length / 1024).toFixed(1)} KB`;
}

async function measure(base: string, databaseUrl: string): Promise<void> {
  console.log(`semantic index built after ${(await semanticIndexBuilt(base)).toFixed(0)} s`);
  const day = await (await fetch(`${base}/papers`)).text();
  const dayIds = [...day.matchAll(/data-paper="([^"]+)"/g)].map((match) => match[1] ?? "");
  const paperPath = dayIds[0] ? `/papers/${dayIds[0]}` : "/papers/2606.14721";
  const readers = await readerCookies(databaseUrl, base, dayIds);
  const etag = (await fetch(`${base}/papers`)).headers.get("etag") ?? "";
  console.log(
    `${CONNECTIONS} connections, ${SECONDS} s each after ${WARM_UP_SECONDS} s untimed, demo corpus, one serve process on loopback, load from ${WRK ? "wrk" : "autocannon"}; load average ${loadavg()
      .map((n) => n.toFixed(1))
      .join(" ")}`,
  );
  const browser = { "accept-encoding": "gzip, deflate, br" };
  const anonymous = await load("day page /papers (brotli, rendered copy)", `${base}/papers`, browser);
  const signedIn = await load(
    `day page signed in (${WRK ? READERS : 1} readers, gzip, shared page)`,
    `${base}/papers`,
    browser,
    readers,
  );
  console.log(
    `signed in / anonymous: ${(signedIn.rps / anonymous.rps).toFixed(2)} of the throughput; ` +
      `sizes ${await sizeOf(`${base}/papers`, browser)} anonymous, ` +
      `${await sizeOf(`${base}/papers`, { ...browser, cookie: readers[0] ?? "" })} signed in`,
  );
  await load("day page /papers (no compression)", `${base}/papers`, {});
  await load(`paper page ${paperPath} (brotli)`, `${base}${paperPath}`, { "accept-encoding": "br" });
  await load("day page revalidated (If-None-Match: 304)", `${base}/papers`, { "if-none-match": etag });
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
