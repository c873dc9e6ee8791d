/** One email as Paperboy composes it: both parts, and any extra headers (List-Unsubscribe, say). */
export interface OutgoingMail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * Where outgoing mail goes: a mail server (SMTP_URL), the development outbox (no SMTP_URL outside production), or
 * nowhere (no SMTP_URL in production: sign-in and subscription are then off).
 */
export type MailDelivery =
  | { readonly kind: "smtp" }
  | { readonly kind: "outbox"; readonly directory: string }
  | { readonly kind: "off" };

/** The narrow door to SMTP. Services take a Mailer; only the mail modules know nodemailer. */
export interface Mailer {
  readonly delivery: MailDelivery;
  /** Hands the message to the SMTP server; resolves with its message id, throws `upstream` on failure. */
  send(mail: OutgoingMail): Promise<string>;
  close(): void;
}
