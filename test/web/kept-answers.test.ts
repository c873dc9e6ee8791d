import { gunzipSync } from "node:zlib";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/web/app.js";
import { signedInClient } from "../helpers/accounts.js";
import { loadListingFixture } from "../helpers/api.js";
import { BACKENDS } from "../helpers/backends.js";
import type { FormClient } from "../helpers/form-client.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";

const DAY = "/papers/date/2026-06-30";
const GZIP = { "accept-encoding": "gzip" };

/** The form token of a gzip answer, and the answer as sent. */
async function zippedPage(client: FormClient) {
  const answer = await client.get(DAY, GZIP);
  expect(answer.headers["content-encoding"]).toBe("gzip");
  const html = gunzipSync(answer.rawPayload).toString();
  const tokens = new Set([...html.matchAll(/name="_csrf" value="([^"]+)"/g)].map((m) => m[1] ?? ""));
  expect(tokens.size).toBe(1);
  return { token: [...tokens][0] ?? "", bytes: answer.rawPayload };
}

// A signed-in reader's gzip answer is kept whole per CSRF secret (web/overlay/kept-answers.ts): its token must
// keep working for that browser, and never stand in for another secret's.
describe.each(BACKENDS)("signed-in answers kept per form secret (%s)", (backend) => {
  let instance: TestInstance;
  let app: FastifyInstance;
  let paper: string;
  const vote = (client: FormClient, token: string) =>
    client.post("/upvote", { paper, on: "1", back: DAY, _csrf: token });

  beforeAll(async () => {
    instance = await createTestInstance({ backend });
    await loadListingFixture(instance.services);
    app = await buildApp(instance.services);
    paper = /data-paper="([^"]+)"/.exec((await app.inject(DAY)).body)?.[1] ?? "";
  });
  afterAll(async () => {
    await app.close();
    await instance.dispose();
  });

  it("sends a browser the same answer again, with a token that works for it and not for another", async () => {
    const laptop = (await signedInClient(app, instance.services, "ada@example.org")).client;
    const phone = (await signedInClient(app, instance.services, "ada@example.org")).client;
    for (const browser of [laptop, phone]) await browser.get(DAY);
    const first = await zippedPage(laptop);
    const again = await zippedPage(laptop);
    expect(again.bytes.equals(first.bytes)).toBe(true);
    const onPhone = await zippedPage(phone);
    expect(onPhone.token).not.toBe(first.token);
    expect((await vote(phone, first.token)).statusCode).toBe(403);
    expect((await vote(laptop, again.token)).statusCode).toBe(303);
    expect((await vote(phone, onPhone.token)).statusCode).toBe(303);
  });

  it("gives a browser whose secret cookie was tampered with a new secret and a token for it", async () => {
    const { client } = await signedInClient(app, instance.services, "bob@example.org");
    await client.get(DAY);
    const kept = await zippedPage(client);
    await zippedPage(client);
    const secret = client.cookies.get("paperboy_csrf") ?? "";
    const forged = `${secret.slice(0, -2)}${secret.endsWith("AA") ? "BB" : "AA"}`;
    // Twice (a vote would move the data version, and so the page): an answer made for a forged cookie is never
    // kept for it, since it would come again without the new secret.
    const fresh = [];
    for (let round = 0; round < 2; round += 1) {
      client.cookies.set("paperboy_csrf", forged);
      fresh.push(await zippedPage(client));
      expect(client.cookies.get("paperboy_csrf")).not.toBe(forged);
    }
    const token = fresh[1]?.token ?? "";
    expect(token).not.toBe(kept.token);
    expect((await vote(client, token)).statusCode).toBe(303);
  });
});
