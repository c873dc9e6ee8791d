import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addToCollection } from "../../src/community/collection-papers.js";
import { createCollection } from "../../src/community/collections.js";
import { postComment } from "../../src/community/comments.js";
import type { Account } from "../../src/core/account.js";
import { collectionPath } from "../../src/core/collection.js";
import { findAccountByEmail } from "../../src/storage/accounts.js";
import { upsertPapers } from "../../src/storage/upsert-papers.js";
import { buildApp } from "../../src/web/app.js";
import { loadListingFixture, paperRecord } from "../helpers/api.js";
import { BACKENDS } from "../helpers/backends.js";
import { FormClient, linkIn } from "../helpers/form-client.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";

const EMAIL = "first.last@example.test";
const LOCAL_PART = /first\.last/i;
const LISTED = "2606.26139";
const SUBMITTED = "2606.99020";
const DAY = "2026-06-29";

describe.each(BACKENDS)("a new member's address stays out of everything public (%s)", (backend) => {
  let instance: TestInstance;
  let app: FastifyInstance;
  let member: Account;
  let collection = "";
  let feed = "";

  /** Signs up through the sign-in form and the link it mails (to the outbox: no mail server here). */
  async function signUp(email: string): Promise<Account> {
    const client = new FormClient(app);
    await client.get("/login");
    await client.post("/login", { email, next: "/settings" });
    await expect.poll(() => instance.mailConsole.length).toBe(1);
    const link = new URL(linkIn(instance.mailConsole[0]));
    await client.get(link.pathname + link.search);
    await client.post("/login/verify", { token: link.searchParams.get("token") ?? "", next: "/settings" });
    expect((await client.get("/settings")).statusCode).toBe(200);
    const account = await findAccountByEmail(instance.services.database, email);
    if (!account) throw new Error(`signing up ${email} made no account`);
    return account;
  }

  beforeAll(async () => {
    instance = await createTestInstance({ backend });
    await loadListingFixture(instance.services);
    app = await buildApp(instance.services);
  });
  afterAll(async () => {
    await app?.close();
    await instance?.dispose();
  });

  it("gives a member who signs up a neutral handle and name", async () => {
    member = await signUp(EMAIL);
    expect(member.handle).toMatch(/^reader-[0-9a-f]{8}$/);
    expect(member.displayName).not.toMatch(LOCAL_PART);
    const { services } = instance;
    const list = await createCollection(services, member, { name: "Shelf", visibility: "public" });
    await addToCollection(services, member, list.id, LISTED, "a note");
    collection = collectionPath(list);
    feed = `/feeds/collection/${list.id}`;
    await postComment(services, member, { paperId: LISTED, body: "A comment by the new member." });
    await upsertPapers(services.database, [{ record: paperRecord(SUBMITTED), featureOn: DAY }], {
      submitterId: member.id,
      source: "test",
      now: "2026-06-29T15:00:00.000Z",
    });
  });

  it("shows the member on pages, feeds and API answers by handle and name, never by the local part", async () => {
    const { handle, displayName } = member;
    // Each public answer that shows the member, and what in it shows them.
    const answers: [string, string][] = [
      [`/members/${handle}`, `@${handle}`],
      [collection, displayName],
      [`${feed}.json`, "Shelf"],
      [`${feed}.atom`, "Shelf"],
      [`/api/collections?member=${handle}`, `"handle":"${handle}"`],
      [`/papers/${LISTED}`, `/members/${handle}`],
      [`/api/papers/${LISTED}/comments`, `"author":"${handle}"`],
      [
        `/papers/${SUBMITTED}`,
        `submitted by <a href="/members/${handle}" class="submitter-link">${displayName}</a>`,
      ],
      [`/api/papers/${SUBMITTED}`, `"user":"${handle}"`],
      [`/api/daily_papers?date=${DAY}`, `"user":"${handle}"`],
      [`/api/daily_papers?date=${DAY}&submitter=${handle.toUpperCase()}`, SUBMITTED],
      [`/papers/date/${DAY}`, SUBMITTED],
    ];
    for (const [path, shows] of answers) {
      const answer = await app.inject(path);
      expect(answer.statusCode, path).toBe(200);
      expect(answer.body, path).toContain(shows);
      expect(answer.body, path).not.toMatch(LOCAL_PART);
    }
  });

  it("answers nothing at the address the local part would make", async () => {
    expect((await app.inject("/members/first.last")).statusCode).toBe(404);
    expect((await app.inject("/api/collections?member=first.last")).statusCode).toBe(404);
  });
});
