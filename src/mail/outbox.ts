import { randomBytes } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import nodemailer from "nodemailer";
import { upstream } from "../core/errors.js";
import type { Mailer, OutgoingMail } from "./mail-types.js";

/** Where a development instance with no mail server puts what it would have sent. */
export interface OutboxOptions {
  /** The folder that receives one .eml file per message (`data/outbox/`). */
  readonly directory: string;
  /** Shows each message to the person running the instance (the server's console). */
  readonly console: (text: string) => void;
}

// A digest runs to a few screens: the console shows its first lines and the file holds the rest.
const CONSOLE_LINES = 24;

/**
 * The development mailer: each message becomes an RFC 822 file in the outbox, exactly what SMTP would have
 * carried (any mail client opens it), and its text part is printed so the link in it can be followed at once.
 */
export function createOutboxMailer(mailFrom: string, options: OutboxOptions): Mailer {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    delivery: { kind: "outbox", directory: options.directory },
    async send(mail) {
      const info = await transport.sendMail({ from: mailFrom, ...mail, to: { name: "", address: mail.to } });
      const file = join(options.directory, fileName());
      try {
        await mkdir(options.directory, { recursive: true });
        await writeFile(file, info.message, { flag: "wx" });
      } catch (error) {
        throw upstream(`the outbox could not be written: ${(error as Error).message}`);
      }
      options.console(consoleText(mail, file));
      return info.messageId;
    },
    close: () => transport.close(),
  };
}

/** Sortable by time, unique across processes writing the same outbox. */
function fileName(): string {
  return `${new Date().toISOString().replace(/[:.]/g, "-")}-${randomBytes(4).toString("hex")}.eml`;
}

function consoleText(mail: OutgoingMail, file: string): string {
  const lines = mail.text.trimEnd().split("\n");
  const shown = lines.slice(0, CONSOLE_LINES).map((line) => `  ${line}`);
  if (lines.length > CONSOLE_LINES) shown.push(`  … ${lines.length - CONSOLE_LINES} more lines in the file`);
  return [`mail to ${mail.to}: ${mail.subject} (${file})`, ...shown, ""].join("\n");
}
