import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser } from "../../src/community/accounts.js";
import { addEditor } from "../../src/community/collection-editors.js";
import {
  addToCollection,
  movePaper,
  removeFromCollection,
  setNote,
} from "../../src/community/collection-papers.js";
import { openCollection } from "../../src/community/collection-view.js";
import {
  changeCollection,
  createCollection,
  memberPublicCollections,
  myCollections,
  removeCollection,
} from "../../src/community/collections.js";
import { savedAmong, savesOf, setSaved } from "../../src/community/saves.js";
import type { Account } from "../../src/core/account.js";
import { fixedClock } from "../../src/core/clock.js";
import { AppError } from "../../src/core/errors.js";
import { addPapers, paperRecord } from "../helpers/api.js";
import { BACKENDS } from "../helpers/backends.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";

const IDS = ["2606.00001", "2606.00002", "2606.00003", "2606.00004"];

/** The error code a failing call gives, or "ok". */
const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "ok",
    (error: unknown) => (error instanceof AppError ? error.code : String(error)),
  );

describe.each(BACKENDS)("collections on %s", (backend) => {
  let instance: TestInstance;
  let ada: Account;
  let bob: Account;
  let eve: Account;

  beforeAll(async () => {
    instance = await createTestInstance({ backend, clock: fixedClock("2026-06-30T12:00:00Z") });
    await addPapers(
      instance.services,
      IDS.map((id) => paperRecord(id)),
      null,
    );
    const { services } = instance;
    ada = (await addUser(services, "ada@example.org", undefined)).account;
    bob = (await addUser(services, "bob@example.org", undefined)).account;
    eve = (await addUser(services, "eve@example.org", undefined)).account;
  });
  afterAll(async () => {
    await instance?.dispose();
  });

  it("makes one Saved collection on the first save, even when saves race", async () => {
    const { services } = instance;
    const states = await Promise.all(IDS.slice(0, 3).map((id) => setSaved(services, ada, id, true)));
    expect(new Set(states.map((s) => s.collectionId)).size).toBe(1);
    const mine = await myCollections(services, ada);
    expect(mine.map((c) => [c.name, c.isDefault, c.visibility, c.paperCount])).toEqual([
      ["Saved", true, "private", 3],
    ]);
    expect(await setSaved(services, ada, IDS[0] ?? "", true)).toMatchObject({ saved: true });
    await setSaved(services, ada, IDS[1] ?? "", false);
    await setSaved(services, ada, IDS[1] ?? "", false);
    expect(await savedAmong(services.database, ada.id, IDS)).toEqual(new Set([IDS[0], IDS[2]]));
    expect(await savedAmong(services.database, bob.id, IDS)).toEqual(new Set());
    expect(await codeOf(setSaved(services, ada, "2101.99999", true))).toBe("not_found");
  });

  it("keeps a collection's order, notes and papers, and lets only the owner reorder", async () => {
    const { services } = instance;
    const list = await createCollection(services, ada, { name: "  Reading   group ", description: "Week 3" });
    expect(list).toMatchObject({ name: "Reading group", visibility: "private", isDefault: false });
    for (const id of IDS) await addToCollection(services, ada, list.id, id);
    expect((await addToCollection(services, ada, list.id, IDS[0] ?? "")).added).toBe(false);
    expect(await movePaper(services, ada, list.id, IDS[3] ?? "", 1)).toBe(1);
    expect(await movePaper(services, ada, list.id, IDS[0] ?? "", 99)).toBe(4);
    await setNote(services, ada, list.id, IDS[1] ?? "", "Read section 3 first.");
    await removeFromCollection(services, ada, list.id, IDS[2] ?? "");
    const view = await openCollection(services, ada, list.id);
    expect(view.entries.map((e) => [e.paper.id, e.note])).toEqual([
      [IDS[3], ""],
      [IDS[1], "Read section 3 first."],
      [IDS[0], ""],
    ]);
    expect(await savesOf(services.database, ada.id)).toHaveLength(4);
  });

  it("hides a private collection from everyone else and refuses their writes", async () => {
    const { services } = instance;
    const list = await createCollection(services, ada, { name: "Private thoughts" });
    await addToCollection(services, ada, list.id, IDS[0] ?? "", "my note");
    expect(await codeOf(openCollection(services, bob, list.id))).toBe("not_found");
    expect(await codeOf(openCollection(services, null, list.id))).toBe("not_found");
    expect(await codeOf(addToCollection(services, bob, list.id, IDS[1] ?? ""))).toBe("not_found");
    expect(await codeOf(setNote(services, bob, list.id, IDS[0] ?? "", "mine now"))).toBe("not_found");
    expect(await codeOf(changeCollection(services, bob, list.id, { visibility: "public" }))).toBe(
      "not_found",
    );
    expect(await codeOf(removeCollection(services, bob, list.id))).toBe("not_found");
    expect(await memberPublicCollections(services, ada.handle)).toEqual([]);
  });

  it("shows a public collection without its notes, and lets editors add but not reorder", async () => {
    const { services } = instance;
    const list = await createCollection(services, ada, { name: "Lab list", visibility: "public" });
    await addToCollection(services, ada, list.id, IDS[0] ?? "", "owner's note");
    const seen = await openCollection(services, null, list.id);
    expect(seen.role).toBe("reader");
    expect(seen.entries.map((e) => e.note)).toEqual([""]);
    expect(await codeOf(addToCollection(services, bob, list.id, IDS[1] ?? ""))).toBe("forbidden");
    expect(await codeOf(changeCollection(services, bob, list.id, { name: "Mine" }))).toBe("forbidden");
    expect(await codeOf(addEditor(services, bob, list.id, bob.handle))).toBe("forbidden");

    await addEditor(services, ada, list.id, bob.handle);
    await addToCollection(services, bob, list.id, IDS[1] ?? "", "bob's note");
    expect((await openCollection(services, bob, list.id)).entries.map((e) => e.note)).toEqual([
      "owner's note",
      "bob's note",
    ]);
    expect(await codeOf(setNote(services, bob, list.id, IDS[0] ?? "", "edited"))).toBe("forbidden");
    expect(await codeOf(removeFromCollection(services, bob, list.id, IDS[0] ?? ""))).toBe("forbidden");
    expect(await codeOf(movePaper(services, bob, list.id, IDS[1] ?? "", 1))).toBe("forbidden");
    await removeFromCollection(services, bob, list.id, IDS[1] ?? "");
    expect(await codeOf(addToCollection(services, eve, list.id, IDS[1] ?? ""))).toBe("forbidden");
    expect((await myCollections(services, bob)).map((c) => c.name)).toEqual(["Lab list"]);
    expect((await memberPublicCollections(services, ada.handle)).map((c) => c.name)).toEqual(["Lab list"]);
  });

  it("refuses bad names and notes with a clear error", async () => {
    const { services } = instance;
    expect(await codeOf(createCollection(services, ada, { name: "   " }))).toBe("invalid");
    expect(await codeOf(createCollection(services, ada, { name: "x".repeat(101) }))).toBe("invalid");
    const list = await createCollection(services, ada, { name: "Notes" });
    await addToCollection(services, ada, list.id, IDS[0] ?? "");
    expect(await codeOf(setNote(services, ada, list.id, IDS[0] ?? "", "n".repeat(2001)))).toBe("invalid");
    expect(await codeOf(movePaper(services, ada, list.id, IDS[0] ?? "", 0))).toBe("invalid");
    expect(await codeOf(setNote(services, ada, list.id, IDS[1] ?? "", "not there"))).toBe("not_found");
    await removeCollection(services, ada, list.id);
    expect(await codeOf(openCollection(services, ada, list.id))).toBe("not_found");
  });
});
