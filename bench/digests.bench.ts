/**
 * Digests for 10,000 subscribers with personal follows (trending, categories, saved searches), built and handed
 * to a local SMTP server (smtp-server on loopback, messages read and dropped), through the delivery ledger, on a
 * SQLite file holding the demo corpus. Target: at least 200 digests/s end to end.
 */
import { fork } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadConfig } from "../src/config.js";
import { fixedClock } from "../src/core/clock.js";
import { parseFollows } from "../src/core/follows.js";
import { dayPeriod } from "../src/core/periods.js";
import { sendDigests } from "../src/digests/send.js";
import { newFeedKey } from "../src/digests/subscribe.js";
import { loadDemoCorpus } from "../src/ingestion/demo.js";
import { createMailer } from "../src/mail/mailer.js";
import { createServices } from "../src/services.js";
import { latestListingDay } from "../src/storage/featured.js";
import { insertSubscription } from "../src/storage/subscriptions.js";

const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 10_000);
const CATEGORIES = [
  "cs.LG",
  "cs.CL",
  "cs.CV",
  "cs.AI",
  "cs.RO",
  "stat.ML",
  "cs.IR",
  "cs.CR",
  "math.OC",
  "eess.IV",
];
const QUERIES = [
  "language model",
  "diffusion",
  "reinforcement learning",
  "graph neural",
  "benchmark",
  "robot",
  "retrieval",
  "quantum",
  "agents",
  "vision transformer",
  "reasoning",
  "privacy",
];

/** A deterministic pseudo-random mix, so every run measures the same workload. */
function followsOf(index: number): string[] {
  const follows = index % 3 === 0 ? ["trending"] : [];
  follows.push(`cat:${CATEGORIES[index % CATEGORIES.length]}`);
  if (index % 2 === 0) follows.push(QUERIES[(index * 7) % QUERIES.length] as string);
  if (index % 5 === 0) follows.push(`cat:${CATEGORIES[(index * 3) % CATEGORIES.length]}`);
  return follows;
}

/** The SMTP server runs in a child process, as a real one would, so its parsing does not share our core. */
async function startSink() {
  const child = fork(fileURLToPath(new URL("./smtp-sink.ts", import.meta.url)), [], {
    execArgv: ["--import", "tsx"],
  });
  const next = () =>
    new Promise<{ port?: number; received?: number }>((resolve) => child.once("message", resolve));
  const { port } = await next();
  return {
    port: port ?? 0,
    async received() {
      const reply = next();
      child.send("count");
      return (await reply).received ?? 0;
    },
    close: () => child.disconnect(),
  };
}

export async function run(): Promise<void> {
  const directory = mkdtempSync(join(tmpdir(), "paperboy-bench-digests-"));
  const sink = await startSink();
  const config = loadConfig({
    DATABASE_URL: `sqlite:${join(directory, "bench.db")}`,
    SECRET_KEY: "bench-secret-key-that-is-long-enough-0123456789",
    LOG_LEVEL: "silent",
  });
  const mailer = createMailer({
    smtpUrl: `smtp://127.0.0.1:${sink.port}/?pool=true&maxConnections=8&maxMessages=Infinity`,
    mailFrom: "bench@paperboy.test",
  });
  const services = await createServices(config, { mailer, clock: fixedClock("2026-07-02T12:00:00Z") });
  try {
    await loadDemoCorpus(services.database);
    const day = (await latestListingDay(services.database)) ?? "2026-07-01";
    for (let i = 0; i < SUBSCRIBERS; i += 1) {
      await insertSubscription(services.database, {
        email: `reader${i}@example.org`,
        cadence: "daily",
        paperCount: 10,
        follows: parseFollows(followsOf(i)),
        feedKey: newFeedKey(),
        confirmedAt: "2026-06-01T00:00:00.000Z",
        now: "2026-06-01T00:00:00.000Z",
      });
    }
    const started = performance.now();
    const cpu = process.cpuUsage();
    const report = await sendDigests(
      { ...services, baseUrl: "https://paperboy.example" },
      { cadence: "daily", period: dayPeriod(day), concurrency: 8 },
    );
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    const cpuSeconds = (used.user + used.system) / 1e6;
    console.log(
      `digests for ${SUBSCRIBERS.toLocaleString("en-US")} subscribers (${day}): sent ${report.sent}, empty ${report.empty}, failed ${report.failed + report.retry}`,
    );
    console.log(`SMTP server received ${await sink.received()} messages`);
    console.log(
      `end to end: ${seconds.toFixed(1)} s, ${Math.round(report.sent / seconds)} digests/s (target >= 200)`,
    );
    console.log(
      `CPU of the sending process: ${cpuSeconds.toFixed(1)} s, ${Math.round(report.sent / cpuSeconds)} digests per CPU-second; load average ${loadavg()[0]?.toFixed(1)} on ${cpus().length} cores`,
    );
  } finally {
    await services.close();
    await sink.close();
    rmSync(directory, { recursive: true, force: true });
  }
}
