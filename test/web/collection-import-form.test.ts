import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_REFERENCE_FILE_BYTES } from "../../src/community/references/read-references.js";
import { buildApp } from "../../src/web/app.js";
import { signedInClient } from "../helpers/accounts.js";
import { loadListingFixture } from "../helpers/api.js";
import { BACKENDS } from "../helpers/backends.js";
import type { FormClient } from "../helpers/form-client.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";

const RIS = "TY  - JOUR\nUR  - https://arxiv.org/abs/2606.26139\nER  - \nTY  - BOOK\nTI  - A book\nER  - \n";

describe.each(BACKENDS)("the import form on %s", (backend) => {
  let instance: TestInstance;
  let app: FastifyInstance;
  let ada: FormClient;
  let path = "";
  let id = "";

  beforeAll(async () => {
    instance = await createTestInstance({ backend });
    await loadListingFixture(instance.services);
    app = await buildApp(instance.services);
    ada = (await signedInClient(app, instance.services, "ada@example.org")).client;
    await ada.get("/collections");
    path = (await ada.post("/collections", { name: "Imports" })).headers.location as string;
    id = path.split("/")[2]?.split("-")[0] ?? "";
  });
  afterAll(async () => {
    await app?.close();
    await instance?.dispose();
  });

  /** Sends the form as a browser does: multipart, with a file part (perhaps empty) and the pasted text. */
  async function send(fields: { file?: string; text?: string; csrf?: boolean }) {
    await ada.get(path);
    const form = new FormData();
    if (fields.csrf !== false) form.append("_csrf", ada.csrf());
    form.append("file", new Blob([fields.file ?? ""]), fields.file === undefined ? "" : "refs.ris");
    form.append("text", fields.text ?? "");
    const cookie = [...ada.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
    return app.inject({
      method: "POST",
      url: `/collections/${id}/import`,
      headers: { cookie },
      payload: form,
    });
  }
  const papers = async () =>
    [...(await ada.get(path)).body.matchAll(/<article class="paper-card" id="paper-([^"]+)"/g)].map(
      (m) => m[1],
    );

  it("is on the collection's page for its owner", async () => {
    const page = (await ada.get(path)).body;
    expect(page).toContain(`action="/collections/${id}/import"`);
    expect(page).toContain('enctype="multipart/form-data"');
    expect((await app.inject(path)).statusCode).toBe(404);
  });

  it("refuses a form without its CSRF field and adds nothing", async () => {
    expect((await send({ file: RIS, csrf: false })).statusCode).toBe(403);
    expect(await papers()).toEqual([]);
  });

  it("imports a file and reports its bad record by line", async () => {
    const answer = await send({ file: RIS });
    expect(answer.statusCode).toBe(200);
    expect(answer.headers["cache-control"]).toBe("no-store");
    expect(answer.body).toContain("Added 1 paper.");
    expect(answer.body).toMatch(/<strong>Line 4:<\/strong> entry &quot;A book&quot; names no arXiv paper/);
    expect(await papers()).toEqual(["2606.26139"]);
  });

  it("imports pasted ids when no file is chosen, and says when there is neither", async () => {
    const answer = await send({ text: "2606.26564\n2606.26139" });
    expect(answer.body).toContain("Added 1 paper; 1 paper already in the collection.");
    expect(await papers()).toEqual(["2606.26139", "2606.26564"]);
    const empty = await send({ text: "  " });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain("Choose a file or paste");
  });

  it("refuses a file over the limit without reading it into the collection", async () => {
    const answer = await send({ file: "2606.26651\n".repeat(MAX_REFERENCE_FILE_BYTES / 11 + 10) });
    expect(answer.statusCode).toBe(413);
    expect(await papers()).toEqual(["2606.26139", "2606.26564"]);
  });
});
