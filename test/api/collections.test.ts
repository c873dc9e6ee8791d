import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser } from "../../src/community/accounts.js";
import { createApiToken } from "../../src/community/api-tokens.js";
import { buildApp } from "../../src/web/app.js";
import { addPapers, loadListingFixture, paperRecord } from "../helpers/api.js";
import { BACKENDS } from "../helpers/backends.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";

const NOTE = "private-note-7f3a";

describe.each(BACKENDS)("the collections API on %s", (backend) => {
  let instance: TestInstance;
  let app: FastifyInstance;
  const tokens: Record<string, string> = {};
  /** Each account's handle, as sign-up chose it. */
  const handles: Record<string, string> = {};

  beforeAll(async () => {
    instance = await createTestInstance({ backend });
    await loadListingFixture(instance.services);
    await addPapers(instance.services, [paperRecord("hep-th/9901001")], null);
    app = await buildApp(instance.services);
    for (const name of ["ada", "bob", "eve"]) {
      const { account } = await addUser(instance.services, `${name}@example.org`, undefined);
      tokens[name] = (await createApiToken(instance.services, account, "tests")).token;
      handles[name] = account.handle;
    }
  });
  afterAll(async () => {
    await app?.close();
    await instance?.dispose();
  });

  const call = (method: string, url: string, as?: string, payload?: object) =>
    app.inject({
      method: method as "GET",
      url,
      headers: as ? { authorization: `Bearer ${tokens[as] ?? as}` } : {},
      ...(payload ? { payload } : {}),
    });

  it("creates, fills, annotates, reorders and deletes a collection with a token", async () => {
    expect((await call("POST", "/api/collections", undefined, { name: "x" })).statusCode).toBe(401);
    const created = await call("POST", "/api/collections", "ada", {
      name: "Reading group",
      description: "Wk 3",
    });
    expect(created.statusCode).toBe(201);
    expect(created.headers["cache-control"]).toBe("no-store");
    const { id } = created.json();
    expect(created.json()).toMatchObject({
      name: "Reading group",
      visibility: "private",
      owner: { handle: handles.ada },
    });
    for (const paperId of ["2606.26139", "https://arxiv.org/abs/2606.26564v1", "hep-th/9901001"]) {
      expect((await call("POST", `/api/collections/${id}/papers`, "ada", { paperId })).json()).toMatchObject({
        added: true,
      });
    }
    const addAgain = await call("POST", `/api/collections/${id}/papers`, "ada", { paperId: "2606.26139" });
    expect(addAgain.json()).toMatchObject({ added: false });
    expect(
      (await call("PATCH", `/api/collections/${id}/papers/hep-th/9901001`, "ada", { place: 1 })).statusCode,
    ).toBe(204);
    await call("PATCH", `/api/collections/${id}/papers/2606.26139`, "ada", { note: NOTE });
    await call("DELETE", `/api/collections/${id}/papers/2606.26564`, "ada");
    const read = (await call("GET", `/api/collections/${id}`, "ada")).json();
    expect(read.papers.map((p: { paper: { id: string }; note: string }) => [p.paper.id, p.note])).toEqual([
      ["hep-th/9901001", ""],
      ["2606.26139", NOTE],
    ]);
    expect((await call("GET", "/api/collections", "ada")).json().map((c: { id: number }) => c.id)).toEqual([
      id,
    ]);
    expect((await call("DELETE", `/api/collections/${id}`, "ada")).statusCode).toBe(204);
    expect((await call("GET", `/api/collections/${id}`, "ada")).statusCode).toBe(404);
  });

  it("never shows a private collection to another account or without a token", async () => {
    const { id } = (await call("POST", "/api/collections", "ada", { name: "Secret" })).json();
    await call("POST", `/api/collections/${id}/papers`, "ada", { paperId: "2606.26139", note: NOTE });
    for (const as of [undefined, "bob"]) {
      const answer = await call("GET", `/api/collections/${id}`, as);
      expect(answer.statusCode).toBe(404);
      expect(answer.body).not.toContain("Secret");
    }
    expect((await call("GET", `/api/collections/${id}`, "pb_forged")).statusCode).toBe(401);
    expect((await call("GET", `/api/collections?member=${handles.ada}`)).json()).toEqual([]);
    expect((await call("GET", "/api/collections", "bob")).json()).toEqual([]);
    expect((await call("GET", "/api/collections")).statusCode).toBe(401);
  });

  it("shows a public collection to anyone, without its notes, and refuses others' writes", async () => {
    const { id } = (
      await call("POST", "/api/collections", "ada", { name: "Lab", visibility: "public" })
    ).json();
    await call("POST", `/api/collections/${id}/papers`, "ada", { paperId: "2606.26139", note: NOTE });
    for (const as of [undefined, "bob"]) {
      const answer = await call("GET", `/api/collections/${id}`, as);
      expect(answer.statusCode).toBe(200);
      expect(answer.json()).toMatchObject({ role: "reader", paperCount: 1, editors: [] });
      expect(answer.body).not.toContain(NOTE);
    }
    expect(
      (await call("GET", `/api/collections?member=${handles.ada}`))
        .json()
        .map((c: { name: string }) => c.name),
    ).toEqual(["Lab"]);
    const writes: [string, string, object?][] = [
      ["PATCH", `/api/collections/${id}`, { name: "Mine" }],
      ["DELETE", `/api/collections/${id}`],
      ["POST", `/api/collections/${id}/papers`, { paperId: "2606.26564" }],
      ["PATCH", `/api/collections/${id}/papers/2606.26139`, { note: "x" }],
      ["DELETE", `/api/collections/${id}/papers/2606.26139`],
      ["POST", `/api/collections/${id}/editors`, { handle: handles.bob }],
    ];
    for (const [method, url, body] of writes) {
      expect((await call(method, url, "bob", body)).statusCode, `${method} ${url}`).toBe(403);
      expect((await call(method, url, undefined, body)).statusCode, `${method} ${url}`).toBe(401);
    }
    const secret = (await call("POST", "/api/collections", "ada", { name: "Hidden" })).json().id;
    expect((await call("PATCH", `/api/collections/${secret}`, "bob", { name: "x" })).statusCode).toBe(404);
    expect((await call("DELETE", `/api/collections/${secret}`, "bob")).statusCode).toBe(404);
  });

  it("lets an editor add papers and see the notes, but not reorder or rename", async () => {
    const { id } = (await call("POST", "/api/collections", "ada", { name: "Shared" })).json();
    await call("POST", `/api/collections/${id}/papers`, "ada", { paperId: "2606.26139", note: NOTE });
    expect(
      (await call("POST", `/api/collections/${id}/editors`, "ada", { handle: handles.bob })).statusCode,
    ).toBe(204);
    expect(
      (await call("POST", `/api/collections/${id}/papers`, "bob", { paperId: "2606.26564" })).statusCode,
    ).toBe(200);
    const seen = (await call("GET", `/api/collections/${id}`, "bob")).json();
    expect(seen).toMatchObject({ role: "editor", editors: [{ handle: handles.bob }] });
    expect(seen.papers[0].note).toBe(NOTE);
    expect(
      (await call("PATCH", `/api/collections/${id}/papers/2606.26564`, "bob", { place: 1 })).statusCode,
    ).toBe(403);
    expect((await call("PATCH", `/api/collections/${id}`, "bob", { name: "x" })).statusCode).toBe(403);
    expect((await call("GET", `/api/collections/${id}`, "eve")).statusCode).toBe(404);
    expect((await call("DELETE", `/api/collections/${id}/editors/${handles.bob}`, "ada")).statusCode).toBe(
      204,
    );
    expect((await call("GET", `/api/collections/${id}`, "bob")).statusCode).toBe(404);
  });

  it("says what is wrong with bad input", async () => {
    const { id } = (await call("POST", "/api/collections", "ada", { name: "Checks" })).json();
    const bad: [string, string, object][] = [
      ["POST", "/api/collections", { name: "" }],
      ["POST", "/api/collections", { name: "x", visibility: "secret" }],
      ["POST", `/api/collections/${id}/papers`, { paperId: "not an id" }],
      ["PATCH", `/api/collections/${id}/papers/2606.26139`, { place: 0 }],
    ];
    for (const [method, url, body] of bad) {
      const answer = await call(method, url, "ada", body);
      expect(answer.statusCode, `${method} ${url} ${JSON.stringify(body)}`).toBe(400);
      expect(answer.json().message).toMatch(/\w/);
    }
    expect(
      (await call("POST", `/api/collections/${id}/papers`, "ada", { paperId: "2101.99999" })).statusCode,
    ).toBe(404);
    expect((await call("GET", "/api/collections/abc")).statusCode).toBe(400);
  });
});
