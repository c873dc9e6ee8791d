import { escapeHtml } from "../core/text.js";
import type { OutgoingMail } from "../mail/mailer.js";

/** The one email an unconfirmed address may get: a link that confirms the subscription. */
export function confirmationMail(email: string, confirmUrl: string, baseUrl: string): OutgoingMail {
  const text = [
    `Someone, probably you, asked for Paperboy's paper digests at ${baseUrl} to be sent to ${email}.`,
    "",
    `Confirm with this link (it works for 7 days): ${confirmUrl}`,
    "",
    "If it was not you, ignore this email: nothing more will be sent.",
    "",
  ].join("\n");
  return {
    to: email,
    subject: "Confirm your Paperboy subscription",
    text,
    html: linkHtml(text, confirmUrl, "Confirm"),
  };
}

/** Sent instead when the address is already subscribed: the owner gets a way in, the requester learns nothing. */
export function manageMail(email: string, preferencesUrl: string, baseUrl: string): OutgoingMail {
  const text = [
    `Someone asked for Paperboy's paper digests at ${baseUrl} to be sent to ${email}, which already gets them.`,
    "",
    `Change what you get or unsubscribe here: ${preferencesUrl}`,
    "",
  ].join("\n");
  return {
    to: email,
    subject: "Your Paperboy subscription",
    text,
    html: linkHtml(text, preferencesUrl, "Your settings"),
  };
}

function linkHtml(text: string, url: string, label: string): string {
  const paragraphs = text
    .split("\n\n")
    .map(
      (p) =>
        `<p style="font-family:Helvetica,Arial,sans-serif;font-size:15px;line-height:1.5;">${escapeHtml(p.trim())}</p>`,
    )
    .join("");
  const button = `<p><a href="${escapeHtml(url)}" style="display:inline-block;padding:10px 18px;background:#1d4ed8;color:#ffffff;text-decoration:none;font-family:Helvetica,Arial,sans-serif;">${escapeHtml(label)}</a></p>`;
  return `<!DOCTYPE html><html><body>${button}${paragraphs}</body></html>`;
}
