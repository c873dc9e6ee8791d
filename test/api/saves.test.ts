import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "../../src/community/api-tokens.js";
import { buildApp } from "../../src/web/app.js";
import { signedInClient } from "../helpers/accounts.js";
import { loadListingFixture } from "../helpers/api.js";
import { BACKENDS } from "../helpers/backends.js";
import type { FormClient } from "../helpers/form-client.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";

const DAY = "/papers/date/2026-06-30";

/** The save buttons of a page, by paper: whether each is pressed. */
function savedOn(html: string): Map<string, boolean> {
  const buttons = new Map<string, boolean>();
  const forms = html.matchAll(
    /action="\/save"[\s\S]*?name="paper" value="([^"]+)"[\s\S]*?aria-pressed="(true|false)"/g,
  );
  for (const match of forms) buttons.set(match[1] ?? "", match[2] === "true");
  return buttons;
}

describe.each(BACKENDS)("saving papers on %s", (backend) => {
  let instance: TestInstance;
  let app: FastifyInstance;
  let ada: FormClient;
  let bob: FormClient;
  let adaToken: string;
  let paper: string;

  beforeAll(async () => {
    instance = await createTestInstance({ backend });
    await loadListingFixture(instance.services);
    app = await buildApp(instance.services);
    const signedIn = await signedInClient(app, instance.services, "ada@example.org");
    ada = signedIn.client;
    adaToken = (await createApiToken(instance.services, signedIn.account, "tests")).token;
    bob = (await signedInClient(app, instance.services, "bob@example.org")).client;
    paper = [...savedOn((await ada.get(DAY)).body).keys()][2] ?? "";
  });
  afterAll(async () => {
    await app?.close();
    await instance?.dispose();
  });

  const api = (method: "POST" | "DELETE", id: string, token?: string) =>
    app.inject({
      method,
      url: `/api/papers/${id}/save`,
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });

  it("saves from a list page with a plain form and shows it only to the reader", async () => {
    expect(savedOn((await ada.get(DAY)).body).size).toBe(50);
    const saved = await ada.post("/save", { paper, on: "1", back: DAY });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`${DAY}#paper-${paper}`);
    expect(savedOn((await ada.get(DAY)).body).get(paper)).toBe(true);
    expect([...savedOn((await bob.get(DAY)).body).values()].filter(Boolean)).toEqual([]);
    expect((await app.inject(DAY)).body).not.toContain('action="/save"');
    expect(savedOn((await ada.get(`/papers/${paper}`)).body).get(paper)).toBe(true);
  });

  it("answers JSON to a page's script and refuses a form without its token", async () => {
    await ada.get(DAY);
    const response = await app.inject({
      method: "POST",
      url: "/save",
      headers: {
        cookie: [...ada.cookies].map(([k, v]) => `${k}=${v}`).join("; "),
        accept: "application/json",
        "content-type": "application/x-www-form-urlencoded",
      },
      payload: new URLSearchParams({ _csrf: ada.csrf(), paper, on: "0" }).toString(),
    });
    expect(response.json()).toMatchObject({ paperId: paper, saved: false });
    expect(response.headers["cache-control"]).toBe("no-store");
    expect((await ada.post("/save", { paper, on: "1" }, { csrf: false })).statusCode).toBe(403);
    // Signed out, the form is refused before it is read (no CSRF cookie), like every other form.
    expect((await app.inject({ method: "POST", url: "/save", payload: { paper, on: "1" } })).statusCode).toBe(
      403,
    );
  });

  it("saves through the API with a token, idempotently", async () => {
    expect((await api("POST", paper)).statusCode).toBe(401);
    expect((await api("POST", paper, "pb_forged")).statusCode).toBe(401);
    const first = await api("POST", `${paper}v2`, adaToken);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ paperId: paper, saved: true });
    expect((await api("POST", paper, adaToken)).json()).toMatchObject({ saved: true });
    expect((await api("DELETE", paper, adaToken)).json()).toMatchObject({ saved: false });
    expect((await api("DELETE", paper, adaToken)).json()).toMatchObject({ saved: false });
    expect((await api("POST", "2101.99999", adaToken)).statusCode).toBe(404);
    expect((await api("POST", "not-an-id", adaToken)).statusCode).toBe(400);
  });
});
