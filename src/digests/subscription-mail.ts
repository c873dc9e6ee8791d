import { composeActionMail } from "../mail/action-mail.js";
import type { OutgoingMail } from "../mail/mail-types.js";

/** The one email an unconfirmed address may get: a link that confirms the subscription. */
export function confirmationMail(email: string, confirmUrl: string, baseUrl: string): OutgoingMail {
  return composeActionMail({
    to: email,
    subject: "Confirm your Paperboy subscription",
    intro: [
      `Someone, probably you, asked for Paperboy's paper digests at ${baseUrl} to be sent to ${email}.`,
      "Nothing is sent until the address is confirmed. Confirm with the button below; it works for 7 days.",
    ],
    action: { label: "Confirm the subscription", url: confirmUrl },
    outro: ["If it was not you, ignore this email: nothing more will be sent."],
  });
}

/** Sent instead when the address is already subscribed: the owner gets a way in, the requester learns nothing. */
export function manageMail(email: string, preferencesUrl: string, baseUrl: string): OutgoingMail {
  return composeActionMail({
    to: email,
    subject: "Your Paperboy subscription",
    intro: [
      `Someone asked for Paperboy's paper digests at ${baseUrl} to be sent to ${email}, which already gets them.`,
      "Your settings page changes what you get or unsubscribes you.",
    ],
    action: { label: "Open your settings", url: preferencesUrl },
    outro: ["If it was not you, nothing changes: ignore this email."],
  });
}
