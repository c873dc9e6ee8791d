import type { Account } from "../core/account.js";
import { invalid } from "../core/errors.js";
import { updateDisplayName } from "../storage/accounts.js";
import type { Database } from "../storage/database.js";

export const MAX_DISPLAY_NAME_LENGTH = 60;

/**
 * The name shown for an account, chosen by its owner and changeable; separate from the handle in addresses.
 * Control characters and runs of spaces are dropped so a name cannot break a page's layout or a mail header.
 */
export function cleanDisplayName(text: string): string {
  const name = text
    .replace(/[\p{Cc}\p{Cf}]/gu, "")
    .replace(/\s+/g, " ")
    .trim();
  if (name === "") throw invalid("a display name cannot be empty");
  if (name.length > MAX_DISPLAY_NAME_LENGTH)
    throw invalid(`a display name is at most ${MAX_DISPLAY_NAME_LENGTH} characters`);
  return name;
}

export async function setDisplayName(deps: { database: Database }, account: Account, text: string) {
  const name = cleanDisplayName(text);
  await updateDisplayName(deps.database, account.id, name);
  return { ...account, displayName: name };
}
