import type { OutgoingMail } from "../mail/mail-types.js";
import { type Digest, type DigestLinks, digestSubject } from "./digest.js";
import { renderDigestHtml } from "./render-html.js";
import { renderDigestText } from "./render-text.js";

/** The host part of Paperboy's message ids and list id: the public address's host. */
export function mailHost(baseUrl: string): string {
  return new URL(baseUrl).hostname || "localhost";
}

/**
 * The email for one digest. Its Message-ID is derived from (subscription, period), so the rare copy sent again
 * after a crash in the instant between the server's acceptance and the ledger write is recognisably the same.
 */
export function composeDigestMail(
  digest: Digest,
  links: DigestLinks,
  key: { subscriptionId: number; periodKey: string },
): OutgoingMail {
  const host = mailHost(links.baseUrl);
  return {
    to: digest.email,
    subject: digestSubject(digest),
    text: renderDigestText(digest, links),
    html: renderDigestHtml(digest, links),
    headers: {
      "Message-ID": `<digest.${key.subscriptionId}.${key.periodKey}@${host}>`,
      "List-Id": `Paperboy digest <digest.${host}>`,
      "List-Unsubscribe": `<${links.unsubscribe}>`,
      // RFC 8058: mail providers POST this body to the URL above, without cookies or a CSRF token.
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    },
  };
}
