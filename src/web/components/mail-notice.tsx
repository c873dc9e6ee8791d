import type { MailDelivery } from "../../mail/mail-types.js";
import { useViewer } from "../viewer.js";

/** Why a production instance offers no sign-in or subscription (see createMailer). */
export const MAIL_OFF_MESSAGE =
  "This instance cannot send email yet: its operator has not set SMTP_URL, so signing in and subscribing are off.";

/** True when mail goes nowhere, so nothing that needs an email may be offered. */
export function mailIsOff(mail: MailDelivery): boolean {
  return mail.kind === "off";
}

/**
 * On a development instance without a mail server, says where the email went instead of an inbox; says why
 * the form is missing when mail is off; nothing when a mail server is configured.
 */
export function MailNotice() {
  const { mail } = useViewer();
  if (mail.kind === "smtp") return null;
  if (mail.kind === "off") return <p class="notice">{MAIL_OFF_MESSAGE}</p>;
  return (
    <p class="notice mail-outbox" role="note">
      Development instance without a mail server (no <code>SMTP_URL</code>): no email leaves this machine.
      Each message is written to <code>{mail.directory}/</code> as an <code>.eml</code> file and printed in
      the console where Paperboy runs; open the link from there.
    </p>
  );
}
