import nodemailer from "nodemailer";
import type { Config } from "../config.js";
import { AppError, upstream } from "../core/errors.js";

/** One email as Paperboy composes it: both parts, and any extra headers (List-Unsubscribe, say). */
export interface OutgoingMail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/** The narrow door to SMTP. Services take a Mailer; only this module knows nodemailer. */
export interface Mailer {
  /** Hands the message to the SMTP server; resolves with its message id, throws `upstream` on failure. */
  send(mail: OutgoingMail): Promise<string>;
  close(): void;
}

// nodemailer's codes for a server that could not be reached or talked to at all, whatever the message.
const UNREACHABLE_CODES = new Set([
  "ECONNECTION",
  "ESOCKET",
  "ETIMEDOUT",
  "EDNS",
  "ECONNREFUSED",
  "ECONNRESET",
]);

/**
 * True for a failure of the mail server as a whole (down, unreachable, not configured), as opposed to a
 * message it refused: no message can be sent until it is back, and no message is to blame.
 */
export function isMailServerDown(error: unknown): boolean {
  return error instanceof AppError && error.details?.mailServerDown === true;
}

export function createMailer(config: Pick<Config, "smtpUrl" | "mailFrom">): Mailer {
  if (!config.smtpUrl) return unconfiguredMailer;
  const transport = nodemailer.createTransport(config.smtpUrl);
  return {
    async send(mail) {
      try {
        const info = await transport.sendMail({ from: config.mailFrom, ...mail });
        return info.messageId;
      } catch (error) {
        const { code, message } = error as Error & { code?: string };
        if (code && UNREACHABLE_CODES.has(code))
          throw new AppError("upstream", `the mail server could not be reached: ${message}`, {
            mailServerDown: true,
          });
        throw upstream(`the mail server refused the message: ${message}`);
      }
    },
    close: () => transport.close(),
  };
}

const unconfiguredMailer: Mailer = {
  send: () =>
    Promise.reject(
      new AppError(
        "upstream",
        "no mail server is configured: set SMTP_URL (for example smtp://localhost:25)",
        {
          mailServerDown: true,
        },
      ),
    ),
  close: () => undefined,
};
