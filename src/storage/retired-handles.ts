import type { Selectable } from "kysely";
import type { Database } from "./database.js";
import type { RetiredHandlesTable } from "./schema.js";

export interface RetiredHandle {
  readonly handle: string;
  readonly accountId: number;
  readonly retiredAt: string;
  /** Whether `/members/HANDLE` leads to the account (not for handles that were an email's local part). */
  readonly redirects: boolean;
}

function toRetired(row: Selectable<RetiredHandlesTable>): RetiredHandle {
  return {
    handle: row.handle,
    accountId: row.account_id,
    retiredAt: row.retired_at,
    redirects: row.redirects === 1,
  };
}

export async function findRetiredHandle(database: Database, handle: string): Promise<RetiredHandle | null> {
  const row = await database.kysely
    .selectFrom("retired_handles")
    .selectAll()
    .where("handle", "=", handle.toLowerCase())
    .executeTakeFirst();
  return row ? toRetired(row) : null;
}

/** An account's earlier handles, newest first. */
export async function retiredHandlesOf(database: Database, accountId: number): Promise<RetiredHandle[]> {
  const rows = await database.kysely
    .selectFrom("retired_handles")
    .selectAll()
    .where("account_id", "=", accountId)
    .orderBy("retired_at", "desc")
    .orderBy("handle")
    .execute();
  return rows.map(toRetired);
}

/** Records a handle the account stops using; retiring it again starts its time anew. */
export async function retireHandle(database: Database, retired: RetiredHandle): Promise<void> {
  const values = {
    account_id: retired.accountId,
    retired_at: retired.retiredAt,
    redirects: retired.redirects ? 1 : 0,
  };
  await database.kysely
    .insertInto("retired_handles")
    .values({ handle: retired.handle, ...values })
    .onConflict((oc) => oc.column("handle").doUpdateSet(values))
    .execute();
}

/** Frees handles for a new owner: they no longer redirect. */
export async function releaseRetiredHandles(database: Database, handles: readonly string[]): Promise<void> {
  if (handles.length === 0) return;
  await database.kysely.deleteFrom("retired_handles").where("handle", "in", handles).execute();
}
