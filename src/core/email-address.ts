import { invalid } from "./errors.js";

// The one shape of an address Paperboy accepts: a dot-atom local part and a domain of dot-separated labels.
// No quoted local parts, comments, groups (`grp:a@b;`) or route syntax, nor `: [ ] \` or control characters:
// a mail library reading such text may deliver elsewhere than the address that was checked and rate limited.
const LOCAL = String.raw`[\p{L}\p{N}!#$%&'*+/=?^_\x60{|}~-]+(?:\.[\p{L}\p{N}!#$%&'*+/=?^_\x60{|}~-]+)*`;
const LABEL = String.raw`[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?`;
const ADDRESS = new RegExp(`^(${LOCAL})@(${LABEL}(?:\\.${LABEL})+)$`, "u");
const MAX_LOCAL = 64;
const MAX_ADDRESS = 254;

/** The lower-cased address when `text` (trimmed) is one, else null. */
export function normaliseEmail(text: string): string | null {
  const email = text.trim().toLowerCase();
  if (email.length > MAX_ADDRESS) return null;
  const match = ADDRESS.exec(email);
  return match && (match[1]?.length ?? 0) <= MAX_LOCAL ? email : null;
}

/** normaliseEmail, throwing `invalid` with the text shown when it is not an address. */
export function requireEmail(text: string): string {
  const email = normaliseEmail(text);
  if (!email)
    throw invalid(`"${text.trim().slice(0, 80)}" is not an email address (expected name@example.org)`);
  return email;
}
