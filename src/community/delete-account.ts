import type { Account } from "../core/account.js";
import type { Clock } from "../core/clock.js";
import { invalid } from "../core/errors.js";
import { eraseAccount } from "../storage/account-deletion.js";
import type { Database } from "../storage/database.js";
import { inTransaction } from "../storage/transaction.js";

/** Bulk imports stand as this account; deleting it would orphan every imported listing. */
const IMPORT_ACCOUNT = "paperboy";

/**
 * Deletes an account: its sessions, tokens, upvotes, signals, collections (with their notes), editor places and
 * digest subscription go, in one transaction. Its comments stay, shown as by "deleted account", so threads
 * stay readable.
 */
export async function deleteAccount(
  deps: { database: Database; clock: Clock },
  account: Account,
): Promise<void> {
  if (account.handle === IMPORT_ACCOUNT)
    throw invalid("The paperboy account stands for bulk imports and stays.");
  await inTransaction(deps.database, (tx) => eraseAccount(tx, account, deps.clock.now().toISOString()));
}
