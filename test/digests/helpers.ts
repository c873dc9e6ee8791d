import { type ChildProcess, spawn } from "node:child_process";
import type { FastifyInstance } from "fastify";
import type { Clock } from "../../src/core/clock.js";
import type { Follow } from "../../src/core/follows.js";
import { parseFollows } from "../../src/core/follows.js";
import type { DigestDeps } from "../../src/digests/send.js";
import { newFeedKey } from "../../src/digests/subscribe.js";
import { importFiles } from "../../src/ingestion/import-files.js";
import { createMailer } from "../../src/mail/mailer.js";
import { createServices, type Services } from "../../src/services.js";
import { insertSubscription } from "../../src/storage/subscriptions.js";
import { buildApp } from "../../src/web/app.js";
import { featureEveryNewPaper } from "../helpers/api.js";
import type { Backend } from "../helpers/backends.js";
import { fixture } from "../helpers/fixtures.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";
import { type SmtpCapture, startSmtpCapture } from "../helpers/smtp.js";

/** Listing days in test/fixtures/listing-small.jsonl (60 papers each). */
export const FIXTURE_DAYS = ["2026-06-26", "2026-06-29", "2026-06-30"] as const;
export const BASE_URL = "http://paperboy.test";

export async function loadFixturePapers(instance: TestInstance): Promise<void> {
  await importFiles(instance.services.database, [fixture("listing-small.jsonl")], { format: "listing" });
  await featureEveryNewPaper(instance.services);
}

export function addSubscriber(
  instance: TestInstance,
  email: string,
  options: {
    cadence?: "daily" | "weekly";
    follows?: string[];
    paperCount?: number;
    confirmed?: boolean;
  } = {},
): Promise<number> {
  const follows: Follow[] = parseFollows(options.follows ?? ["trending"]);
  return insertSubscription(instance.services.database, {
    email,
    cadence: options.cadence ?? "daily",
    paperCount: options.paperCount ?? 5,
    follows,
    feedKey: newFeedKey(),
    confirmedAt: options.confirmed === false ? null : "2026-06-01T00:00:00.000Z",
    now: "2026-06-01T00:00:00.000Z",
  });
}

/** Digest dependencies on a real mailer aimed at the capture server, with pauses skipped. */
export function digestDeps(instance: TestInstance, smtpUrl: string): DigestDeps & { close(): void } {
  const mailer = createMailer({ smtpUrl, mailFrom: "Paperboy <digest@paperboy.test>" });
  return {
    ...instance.services,
    mailer,
    baseUrl: BASE_URL,
    sleep: () => Promise.resolve(),
    close: () => mailer.close(),
  };
}

/** The path and query of an absolute link in an email, for app.inject. */
export function localPath(url: string): string {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
}

export function linksIn(text: string): string[] {
  return [...text.matchAll(/https?:\/\/[^\s<>"]+/g)].map((match) => match[0].replace(/&amp;/g, "&"));
}

export interface DigestSite {
  readonly instance: TestInstance;
  readonly services: Services;
  readonly smtp: SmtpCapture;
  readonly app: FastifyInstance;
  close(): Promise<void>;
}

/** The web app over an instance holding the fixture papers, mailing a capture server, at a fixed clock. */
export async function startDigestSite(clock: Clock, backend: Backend): Promise<DigestSite> {
  const smtp = await startSmtpCapture();
  const instance = await createTestInstance({ backend, clock, env: { BASE_URL } });
  await loadFixturePapers(instance);
  const services = await createServices(instance.config, {
    clock,
    mailer: createMailer({ smtpUrl: smtp.url, mailFrom: "p@paperboy.test" }),
  });
  const app = await buildApp(services);
  const close = async () => {
    await app.close();
    await services.close();
    await instance.dispose();
    await smtp.close();
  };
  return { instance, services, smtp, app, close };
}

/** `paperboy digest send` for one day in a process of its own, one digest at a time, so a test can kill it mid-run. */
export function spawnDigestRun(databaseUrl: string, smtpUrl: string, day: string): ChildProcess {
  return spawn(
    process.execPath,
    ["--import", "tsx", "src/cli/main.ts", "digest", "send", "--cadence", "daily", "--date", day],
    {
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        SECRET_KEY: "test-secret-key-that-is-long-enough-0123456789",
        SMTP_URL: smtpUrl,
        BASE_URL,
        DIGEST_CONCURRENCY: "1",
        LOG_LEVEL: "silent",
      },
      stdio: "ignore",
    },
  );
}
