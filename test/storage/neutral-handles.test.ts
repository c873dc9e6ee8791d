import { beforeEach, describe, expect, it } from "vitest";
import { changeHandle, memberAt } from "../../src/community/handles.js";
import { systemClock } from "../../src/core/clock.js";
import { findAccountById } from "../../src/storage/accounts.js";
import type { Database } from "../../src/storage/database.js";
import { migrate } from "../../src/storage/migrate.js";
import { BACKENDS } from "../helpers/backends.js";
import { oldShapeDatabase } from "../helpers/old-shape.js";

const NEW_SHAPE = ["0307-retired-handles", "0308-neutral-handles", "0309-handles-without-case"];

/** Accounts as sign-up made them before 0308: the handle is the address's local part. */
const OLD_ACCOUNTS = [
  { email: "first.last@example.test", handle: "first.last" },
  { email: "first.last@other.test", handle: "first.last2" },
  { email: "Ada+Papers@example.test", handle: "ada-papers" },
  { email: "x@example.test", handle: "member" },
] as const;

describe.each(BACKENDS)("migrating handles that were an email's local part (%s)", (backend) => {
  const old = oldShapeDatabase(backend, NEW_SHAPE);
  let database: Database;
  beforeEach(() => {
    database = old.database;
  });

  async function writeOldShapeData(): Promise<number[]> {
    const user = (handle: string, email: string | null, deleted = false) => ({
      handle,
      email,
      display_name: deleted ? "deleted account" : "Reader",
      role: "member",
      created_at: "2026-06-01T00:00:00Z",
      deleted_at: deleted ? "2026-06-20T00:00:00Z" : null,
    });
    const rows = await database.kysely
      .insertInto("users")
      .values([
        ...OLD_ACCOUNTS.map((account) => user(account.handle, account.email)),
        user("deleted-9", null, true),
        user("hf-submitter", null),
      ])
      .returning("id")
      .execute();
    return rows.map((row) => row.id);
  }

  it("gives those accounts neutral handles, holds the old ones without redirecting, and leaves the rest", async () => {
    const ids = await writeOldShapeData();
    await migrate(database);
    const handles = await Promise.all(ids.map(async (id) => (await findAccountById(database, id))?.handle));
    const renamed = handles.slice(0, OLD_ACCOUNTS.length);
    for (const handle of renamed) expect(handle).toMatch(/^reader-[0-9a-f]{8}$/);
    expect(new Set(renamed).size).toBe(OLD_ACCOUNTS.length);
    expect(handles.slice(OLD_ACCOUNTS.length)).toEqual(["deleted-9", "hf-submitter"]);
    expect((await findAccountById(database, 1))?.handle).toBe("paperboy");
    // The old address answers nothing (a redirect would say whose it was), and nobody else can take it.
    expect(await memberAt({ database }, "first.last")).toBeNull();
    const deps = { database, clock: systemClock };
    const other = await findAccountById(database, ids[1] ?? 0);
    if (!other) throw new Error("the second account is gone");
    await expect(changeHandle(deps, other, "first.last")).rejects.toThrow(/is taken/);
    // Its owner may choose it again.
    const owner = await findAccountById(database, ids[0] ?? 0);
    if (!owner) throw new Error("the first account is gone");
    await changeHandle(deps, owner, "first.last");
    expect((await memberAt({ database }, "First.Last"))?.id).toBe(owner.id);
  });

  it("migrates an instance with no accounts but its own, and a second run changes nothing", async () => {
    await migrate(database);
    expect((await migrate(database)).applied).toEqual([]);
    expect((await findAccountById(database, 1))?.handle).toBe("paperboy");
  });
});
