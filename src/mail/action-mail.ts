import { escapeHtml } from "../core/text.js";
import type { OutgoingMail } from "./mail-types.js";

/**
 * A short email that asks for one action through a signed link (sign in, confirm a subscription, open your
 * settings): what happened and what the button does come first, then the button, then the link written out for
 * clients that hide buttons, then what to do when the email was not expected.
 */
export interface ActionMail {
  readonly to: string;
  readonly subject: string;
  /** Paragraphs read before the button: who asked for what, and what the link does. */
  readonly intro: readonly string[];
  readonly action: { readonly label: string; readonly url: string };
  readonly outro: readonly string[];
}

// Mail clients drop <style> elements and external CSS: inline styles only.
const FONT = "font-family:Helvetica,Arial,sans-serif;";
const STYLE = {
  body: "margin:0;padding:16px;background:#ffffff;",
  box: "max-width:560px;",
  text: `${FONT}font-size:15px;line-height:1.5;color:#1a1a1a;margin:0 0 14px;`,
  button: `${FONT}display:inline-block;padding:12px 20px;background:#1d4ed8;color:#ffffff;font-size:16px;font-weight:bold;text-decoration:none;border-radius:6px;`,
  // A signed link is one long word: let it break anywhere rather than widen a phone's screen.
  link: `${FONT}font-size:13px;line-height:1.5;color:#5b6068;margin:0 0 14px;word-break:break-all;overflow-wrap:anywhere;`,
};

export function composeActionMail(mail: ActionMail): OutgoingMail {
  const { label, url } = mail.action;
  const text = [...mail.intro, `${label}: ${url}`, ...mail.outro, ""].join("\n\n");
  const paragraph = (p: string) => `<p style="${STYLE.text}">${escapeHtml(p)}</p>`;
  const html = [
    `<!DOCTYPE html><html><head><meta name="viewport" content="width=device-width, initial-scale=1"></head>`,
    `<body style="${STYLE.body}"><div style="${STYLE.box}">`,
    ...mail.intro.map(paragraph),
    `<p style="margin:0 0 14px;"><a href="${escapeHtml(url)}" style="${STYLE.button}">${escapeHtml(label)}</a></p>`,
    `<p style="${STYLE.link}">Or open this link: <a href="${escapeHtml(url)}" style="color:#1d4ed8;">${escapeHtml(url)}</a></p>`,
    ...mail.outro.map(paragraph),
    "</div></body></html>",
  ].join("");
  return { to: mail.to, subject: mail.subject, text: text.replace(/\n+$/, "\n"), html };
}
