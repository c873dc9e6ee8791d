import { readFileSync } from "node:fs";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser } from "../../src/community/accounts.js";
import { createApiToken } from "../../src/community/api-tokens.js";
import { buildApp } from "../../src/web/app.js";
import { loadListingFixture } from "../helpers/api.js";
import { BACKENDS } from "../helpers/backends.js";
import { fixture } from "../helpers/fixtures.js";
import { type RecordedRequest, type ReplayServer, startReplayServer } from "../helpers/replay-server.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";

const atom = (name: string) => readFileSync(fixture(`arxiv-export-api/${name}`), "utf8");
/** The entries of recorded export API answers, by the paper each is about. */
const ENTRIES = new Map(
  [atom("idlist_1601.00001_2020-09-04.xml"), atom("search_cat-cs.RO_neural_max2_2025-10-17.xml")].flatMap(
    (feed) =>
      [...feed.matchAll(/<entry>[\s\S]*?<\/entry>/g)].map((m): [string, string] => [
        /<id>http:\/\/arxiv\.org\/abs\/([^<]+?)v\d+<\/id>/.exec(m[0])?.[1] ?? "",
        m[0],
      ]),
  ),
);
const EMPTY = atom("search_empty_result.xml");
/** An answer for an id_list query: the recorded empty feed with the recorded entries of the ids asked for. */
const answerFor = (ids: string[]) =>
  EMPTY.replace("</feed>", `${ids.map((id) => ENTRIES.get(id) ?? "").join("\n")}</feed>`);

// Two listing-fixture papers (known here), two arXiv answers, one id arXiv does not have, one bad entry.
const BIBTEX = `@article{known, title = {Known}, eprint = {2606.26139}, archivePrefix = {arXiv}}

@article{fetched, title = {Fetched}, url = {https://arxiv.org/abs/1601.00001v1}}
@article{broken, title = {Unclosed,
@misc{scholar, journal = {arXiv preprint arXiv:2510.14968}}
@misc{nowhere, eprint = {2501.99999}}
@misc{known2, doi = {10.48550/arXiv.2606.26564}}
`;

describe.each(BACKENDS)("importing into a collection through the API on %s", (backend) => {
  let arxiv: ReplayServer;
  let reachable = true;
  let instance: TestInstance;
  let app: FastifyInstance;
  const tokens: Record<string, string> = {};

  const answer = (request: RecordedRequest) => {
    if (!reachable) return { cutAfter: 0, body: "x" };
    const body = answerFor((request.query.get("id_list") ?? "").split(","));
    return { headers: { "content-type": "application/atom+xml" }, body };
  };

  let bobHandle = "";
  beforeAll(async () => {
    arxiv = await startReplayServer(answer);
    instance = await createTestInstance({
      backend,
      env: { ARXIV_API_URL: `${arxiv.url}/api/query`, ARXIV_REQUEST_INTERVAL_MS: "0" },
      retry: { maxRetries: 0 },
    });
    await loadListingFixture(instance.services);
    app = await buildApp(instance.services);
    for (const name of ["ada", "bob"]) {
      const { account } = await addUser(instance.services, `${name}@example.org`, undefined);
      tokens[name] = (await createApiToken(instance.services, account, "tests")).token;
      if (name === "bob") bobHandle = account.handle;
    }
  });
  afterAll(async () => {
    await app?.close();
    await instance?.dispose();
    await arxiv?.close();
  });

  const call = (method: "GET" | "POST", url: string, as?: string, payload?: object) =>
    app.inject({
      method,
      url,
      headers: as ? { authorization: `Bearer ${tokens[as]}` } : {},
      ...(payload ? { payload } : {}),
    });
  const newCollection = async (name: string) =>
    (await call("POST", "/api/collections", "ada", { name })).json().id as number;
  const papersOf = async (id: number) =>
    (await call("GET", `/api/collections/${id}`, "ada"))
      .json()
      .papers.map((p: { paper: { id: string } }) => p.paper.id);

  it("adds known papers, fetches unknown ones and reports the bad entries by line", async () => {
    const id = await newCollection("From BibTeX");
    const response = await call("POST", `/api/collections/${id}/import`, "ada", { text: BIBTEX });
    expect(response.statusCode).toBe(200);
    expect(response.headers["cache-control"]).toBe("no-store");
    const report = response.json();
    expect(report).toEqual({
      collectionId: id,
      added: ["2606.26139", "1601.00001", "2510.14968", "2606.26564"],
      alreadyThere: [],
      fetched: ["1601.00001", "2510.14968"],
      problems: [
        { line: 4, message: expect.stringContaining('entry "broken" is not valid BibTeX') },
        { line: 6, message: "arXiv has no paper 2501.99999" },
      ],
    });
    expect(await papersOf(id)).toEqual(report.added);
    const fetched = (await call("GET", "/api/papers/1601.00001")).json();
    expect(fetched.title).toMatch(/\w/);

    const again = (await call("POST", `/api/collections/${id}/import`, "ada", { text: BIBTEX })).json();
    expect(again).toMatchObject({ added: [], fetched: [], alreadyThere: report.added });
    expect(await papersOf(id)).toEqual(report.added);
  });

  it("reports each unknown paper when arXiv cannot be reached, keeps the known ones, and finishes on a re-run", async () => {
    const id = await newCollection("From ids");
    const text = "2606.26651\nhttps://arxiv.org/abs/2510.14827v1\n\n1601.00001 2606.26139";
    reachable = false;
    const offline = (await call("POST", `/api/collections/${id}/import`, "ada", { text })).json();
    reachable = true;
    expect(offline).toMatchObject({ added: ["2606.26651", "1601.00001", "2606.26139"], fetched: [] });
    expect(offline.problems).toEqual([
      {
        line: 2,
        message: expect.stringMatching(/^arXiv could not be reached for 2510\.14827; import again/),
      },
    ]);
    const online = (await call("POST", `/api/collections/${id}/import`, "ada", { text })).json();
    expect(online).toMatchObject({ added: ["2510.14827"], fetched: ["2510.14827"], problems: [] });
    expect(await papersOf(id)).toEqual(["2606.26651", "1601.00001", "2606.26139", "2510.14827"]);
  });

  it("reads RIS, and lets only the owner or an editor import", async () => {
    const id = await newCollection("From RIS");
    const ris = "TY  - JOUR\nTI  - Known\nUR  - https://arxiv.org/abs/2606.26139\nER  - \n";
    const denied = await call("POST", `/api/collections/${id}/import`, "bob", { text: ris });
    expect(denied.statusCode).toBe(404);
    expect((await call("POST", `/api/collections/${id}/import`, undefined, { text: ris })).statusCode).toBe(
      401,
    );
    await call("POST", `/api/collections/${id}/editors`, "ada", { handle: bobHandle });
    const imported = await call("POST", `/api/collections/${id}/import`, "bob", { text: ris });
    expect(imported.json()).toMatchObject({ added: ["2606.26139"], problems: [] });
    const shared = await newCollection("Public");
    await app.inject({
      method: "PATCH",
      url: `/api/collections/${shared}`,
      headers: { authorization: `Bearer ${tokens.ada}` },
      payload: { visibility: "public" },
    });
    expect((await call("POST", `/api/collections/${shared}/import`, "bob", { text: ris })).statusCode).toBe(
      403,
    );
    expect(await papersOf(shared)).toEqual([]);
  });

  it("says what is wrong with the request", async () => {
    const id = await newCollection("Checks");
    for (const payload of [{}, { text: "" }, { text: "2606.26139", format: "endnote" }]) {
      const response = await call("POST", `/api/collections/${id}/import`, "ada", payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json().message).toMatch(/text|format/);
    }
  });
});
