import nodemailer from "nodemailer";
import type { Config } from "../config.js";
import { upstream } from "../core/errors.js";

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

export function createMailer(config: Pick<Config, "smtpUrl" | "mailFrom">): Mailer {
  if (!config.smtpUrl) return unconfiguredMailer;
  const transport = nodemailer.createTransport(config.smtpUrl);
  return {
    async send(mail) {
      try {
        const info = await transport.sendMail({ from: config.mailFrom, ...mail });
        return info.messageId;
      } catch (error) {
        throw upstream(`the mail server refused the message: ${(error as Error).message}`);
      }
    },
    close: () => transport.close(),
  };
}

const unconfiguredMailer: Mailer = {
  send: () =>
    Promise.reject(upstream("no mail server is configured: set SMTP_URL (for example smtp://localhost:25)")),
  close: () => undefined,
};
