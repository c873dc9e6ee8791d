import { randomBytes } from "node:crypto";
import { invalid } from "./errors.js";

export const MIN_HANDLE_LENGTH = 3;
export const MAX_HANDLE_LENGTH = 30;

/**
 * Handles that would pass for the site itself or for a part of its addresses. The prefixes stay with their
 * one use: `deleted-N` names a deleted account, `reader-...` a new account that has not chosen yet.
 */
const RESERVED = new Set([
  "about",
  "admin",
  "administrator",
  "api",
  "collections",
  "curator",
  "deleted",
  "help",
  "login",
  "logout",
  "me",
  "members",
  "moderator",
  "papers",
  "paperboy",
  "root",
  "settings",
  "staff",
  "support",
  "system",
]);
/** What begins every neutral handle: an account that has not chosen its own. */
export const NEUTRAL_HANDLE_PREFIX = "reader-";

const RESERVED_PREFIXES = ["deleted-", NEUTRAL_HANDLE_PREFIX, "paperboy"];

/** Starts and ends with a letter or digit; dots, dashes and underscores only between them. */
const SHAPE = /^[a-z0-9](?:[a-z0-9._-]*[a-z0-9])?$/;

/**
 * What a new account is called in addresses until its owner chooses: `reader-` and 8 random hex digits. Random
 * rather than the account's id, so handles tell nobody how many members there are or in which order they came,
 * and member pages cannot be walked one by one; never the email's local part, which is often a name.
 */
export function neutralHandle(): string {
  return `${NEUTRAL_HANDLE_PREFIX}${randomBytes(4).toString("hex")}`;
}

/** A handle as typed (`@Ada `) in the form it is stored and compared in (`ada`). */
export function foldHandle(text: string): string {
  return text.trim().replace(/^@/, "").toLowerCase();
}

/**
 * A handle a member typed, folded to lower case (handles are compared without case) and checked: 3 to 30
 * letters, digits, dots, dashes and underscores, not one of the reserved words.
 */
export function cleanHandle(text: string): string {
  const handle = foldHandle(text);
  if (handle.length < MIN_HANDLE_LENGTH || handle.length > MAX_HANDLE_LENGTH)
    throw invalid(`a handle is ${MIN_HANDLE_LENGTH} to ${MAX_HANDLE_LENGTH} characters long`);
  if (!SHAPE.test(handle))
    throw invalid(
      "a handle holds only letters a-z, digits, dots, dashes and underscores, and starts and ends with a letter or digit",
    );
  if (/[._-]{2}/.test(handle)) throw invalid("a handle cannot have two dots, dashes or underscores in a row");
  if (RESERVED.has(handle) || RESERVED_PREFIXES.some((prefix) => handle.startsWith(prefix)))
    throw invalid(`“${handle}” is reserved: choose another handle`);
  return handle;
}
