import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changeHandle } from "../../src/community/handles.js";
import { fixedClock } from "../../src/core/clock.js";
import { subscribeAccount } from "../../src/digests/account-digest.js";
import { buildApp } from "../../src/web/app.js";
import { signedInClient } from "../helpers/accounts.js";
import { loadListingFixture } from "../helpers/api.js";
import { BACKENDS } from "../helpers/backends.js";
import { FormClient } from "../helpers/form-client.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";

const DAY = "/papers/date/2026-06-30";

/** The handle in the account menu of a page, or null when it shows no one signed in. */
const signedInAs = (html: string) => /<a href="\/settings">([^<]+)<\/a>/.exec(html)?.[1] ?? null;

// Who is signed in is kept between requests (web/auth/kept-sessions.ts); every change to it must still show
// at the next request, in the process that made it and in another one on the same database.
describe.each(BACKENDS)("sessions kept between requests (%s)", (backend) => {
  const clock = fixedClock(new Date());
  let one: TestInstance;
  let two: TestInstance;
  let appOne: FastifyInstance;
  let appTwo: FastifyInstance;

  /** The same browser as `client`, talking to the other process. */
  const inProcessTwo = (client: FormClient) => {
    const other = new FormClient(appTwo);
    for (const [name, value] of client.cookies) other.cookies.set(name, value);
    return other;
  };
  /** Signs in on process one and reads the day page there twice: the second answer comes from the kept session. */
  const keptSignIn = async (email: string) => {
    const { client, account } = await signedInClient(appOne, one.services, email);
    for (let round = 0; round < 2; round += 1)
      expect(signedInAs((await client.get(DAY)).body)).toBe(account.handle);
    return { client, account };
  };

  beforeAll(async () => {
    one = await createTestInstance({ backend, clock });
    two = await createTestInstance({ backend, clock, databaseUrl: one.config.databaseUrl });
    await loadListingFixture(one.services);
    appOne = await buildApp(one.services);
    appTwo = await buildApp(two.services);
  });
  afterAll(async () => {
    await appTwo?.close();
    await appOne?.close();
    await two?.services.close();
    await one?.dispose();
  });

  it("refuses a session signed out in another process at its next request", async () => {
    const { client } = await keptSignIn("ada@example.org");
    const elsewhere = inProcessTwo(client);
    await elsewhere.get(DAY);
    expect(await elsewhere.post("/logout", {})).toMatchObject({ statusCode: 303 });
    const after = (await client.get(DAY)).body;
    expect(signedInAs(after)).toBeNull();
    expect(after).toContain("Sign in");
  });

  it("signs every device out at once, whichever process each device talks to", async () => {
    const laptop = await keptSignIn("bob@example.org");
    const phone = await signedInClient(appTwo, two.services, "bob@example.org");
    expect(signedInAs((await phone.client.get(DAY)).body)).toBe(laptop.account.handle);
    expect(await phone.client.post("/logout/everywhere", {})).toMatchObject({ statusCode: 303 });
    expect(signedInAs((await laptop.client.get(DAY)).body)).toBeNull();
  });

  it("shows a handle changed and a subscription made in another process at the next request", async () => {
    const { client, account } = await keptSignIn("carol@example.org");
    expect((await client.get(DAY)).body).toContain('class="subscribe-cta"');
    await changeHandle(two.services, account, "carol-reads");
    await subscribeAccount(two.services, account);
    const after = (await client.get(DAY)).body;
    expect(signedInAs(after)).toBe("carol-reads");
    expect(after).not.toContain('class="subscribe-cta"');
  });

  it("lets a kept session end when it expires", async () => {
    const { client } = await keptSignIn("dan@example.org");
    const days = one.services.config.community.sessionDays;
    clock.set(new Date(clock.now().getTime() + days * 86_400_000 + 1000));
    expect(signedInAs((await client.get(DAY)).body)).toBeNull();
  });
});
