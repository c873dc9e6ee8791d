import { createReadStream } from "node:fs";
import { parse } from "csv-parse";
import { requireEmail } from "../core/email-address.js";
import { isAppError, upstream } from "../core/errors.js";
import { PAPER_COUNT, parseCadence, parseFollows, splitFollows } from "../core/follows.js";
import {
  findSubscriptionByEmail,
  insertSubscription,
  markConfirmationSent,
} from "../storage/subscriptions.js";
import { subscriptionLinks } from "./links.js";
import { newFeedKey, type SubscribeDeps } from "./subscribe.js";
import { confirmationMail } from "./subscription-mail.js";

export interface SubscriberImportReport {
  added: number;
  existing: number;
  rejected: number;
  confirmationsSent: number;
}

export interface SubscriberImportOptions {
  /** Mark rows confirmed (the operator vouches for earlier opt-in) instead of emailing a confirmation. */
  readonly confirmed: boolean;
  readonly onProblem?: (line: number, message: string) => void;
}

const REQUIRED_COLUMNS = ["email", "cadence", "follows"];

/** Reads a CSV with the header `email,cadence,follows` (follows `;`-separated); bad rows are reported, not fatal. */
export async function importSubscribers(
  deps: SubscribeDeps,
  file: string,
  options: SubscriberImportOptions,
): Promise<SubscriberImportReport> {
  const report: SubscriberImportReport = { added: 0, existing: 0, rejected: 0, confirmationsSent: 0 };
  // Addresses this run has already mailed (a file may list an address twice).
  const mailed = new Set<string>();
  const parser = createReadStream(file).pipe(
    parse({
      columns: checkHeader,
      bom: true,
      trim: true,
      skip_empty_lines: true,
      info: true,
      // A row the CSV reader cannot take (too many or too few fields, a stray quote) is reported like any
      // other bad row; the rows around it are still imported.
      skip_records_with_error: true,
      on_skip: (error: (Error & { lines?: number }) | undefined) => {
        if (!error) return;
        report.rejected += 1;
        options.onProblem?.(error.lines ?? 0, error.message);
      },
    }),
  );
  for await (const { record, info } of parser as AsyncIterable<{
    record: Record<string, string>;
    info: { lines: number };
  }>) {
    try {
      await importRow(deps, record, options, report, mailed);
    } catch (error) {
      if (!isAppError(error)) throw error;
      report.rejected += 1;
      options.onProblem?.(info.lines, error.message);
    }
  }
  return report;
}

function checkHeader(header: string[]): string[] {
  const columns = header.map((name) => name.trim().toLowerCase());
  const missing = REQUIRED_COLUMNS.filter((name) => !columns.includes(name));
  if (missing.length > 0)
    throw new Error(`the CSV header must name email,cadence,follows (missing ${missing.join(", ")})`);
  return columns;
}

async function importRow(
  deps: SubscribeDeps,
  record: Record<string, string>,
  options: SubscriberImportOptions,
  report: SubscriberImportReport,
  mailed: Set<string>,
) {
  const email = requireEmail(record.email ?? "");
  const cadence = parseCadence(record.cadence || "daily");
  const follows = parseFollows(splitFollows(record.follows ?? "", /;/));
  const now = deps.clock.now();
  const existing = await findSubscriptionByEmail(deps.database, email);
  if (existing) {
    report.existing += 1;
    // Pending, and its confirmation never reached the mail server (it failed on an earlier run): send it now.
    // Someone who got the mail and has not clicked is not mailed again.
    const unsent =
      !options.confirmed &&
      !existing.confirmedAt &&
      !existing.unsubscribedAt &&
      !existing.confirmationSentAt &&
      !mailed.has(email);
    if (unsent) {
      mailed.add(email);
      await sendConfirmation(deps, existing.id, email, now, report);
    }
    return;
  }
  const id = await insertSubscription(deps.database, {
    email,
    cadence,
    paperCount: PAPER_COUNT.default,
    follows: follows.length > 0 ? follows : [{ kind: "trending" }],
    feedKey: newFeedKey(),
    confirmedAt: options.confirmed ? now.toISOString() : null,
    now: now.toISOString(),
  });
  report.added += 1;
  if (options.confirmed) return;
  mailed.add(email);
  await sendConfirmation(deps, id, email, now, report);
}

async function sendConfirmation(
  deps: SubscribeDeps,
  id: number,
  email: string,
  now: Date,
  report: SubscriberImportReport,
) {
  const links = subscriptionLinks(deps.baseUrl, deps.secretKey, id, now);
  try {
    await deps.mailer.send(confirmationMail(email, links.confirm, deps.baseUrl));
  } catch (error) {
    if (!isAppError(error)) throw error;
    throw upstream(
      `${email} is stored, but its confirmation could not be sent (${error.message}); run the import again to send it`,
    );
  }
  await markConfirmationSent(deps.database, id, now.toISOString());
  report.confirmationsSent += 1;
}
