import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fetchArxivPapers } from "../../src/ingestion/arxiv/export-api.js";
import { fetchAndStorePapers } from "../../src/ingestion/arxiv/fetch-papers.js";
import { HttpClient } from "../../src/ingestion/http/client.js";
import { DEFAULT_RETRY_POLICY } from "../../src/ingestion/http/retry-policy.js";
import { getPaper } from "../../src/storage/papers.js";
import { BACKENDS } from "../helpers/backends.js";
import { fixture } from "../helpers/fixtures.js";
import { type ReplayServer, startReplayServer } from "../helpers/replay-server.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";

const feed = (name: string) => readFileSync(fixture(`arxiv-export-api/${name}`));
const CLASSIC = feed("idlist_1601.00001_2020-09-04.xml");
const NEWER = feed("idlist_newformat_handwritten.xml");
const ERROR = feed("error_incorrect_id_handwritten.xml");

describe("arXiv export API", () => {
  let server: ReplayServer;
  let client: HttpClient;
  beforeEach(async () => {
    server = await startReplayServer();
    client = new HttpClient({
      userAgent: "Paperboy/test",
      policy: { ...DEFAULT_RETRY_POLICY, minIntervalMs: 0, baseBackoffMs: 1, maxRetries: 1 },
    });
  });
  afterEach(async () => {
    client.close();
    await server.close();
  });
  const api = () => ({ apiUrl: `${server.url}/api/query` });

  it("reads the classic feed: wrapped title, abstract, authors in order, DOI, journal-ref", async () => {
    server.handle(() => ({ body: CLASSIC, headers: { "content-type": "application/atom+xml" } }));
    const [paper] = await fetchArxivPapers(client, ["arXiv:1601.00001v1"], api());
    expect(server.requests[0]?.query.get("id_list")).toBe("1601.00001");
    expect(paper).toMatchObject({
      id: "1601.00001",
      title: "Inelastic effects in molecular transport junctions: The probe technique at high bias",
      authors: ["Michael Kilgour", "Dvira Segal"],
      categories: ["cond-mat.mes-hall"],
      doi: "10.1063/1.4944470",
      journalRef: "J. Chem. Phys. 144, 124107 (2016)",
      published: "2015-12-26T21:19:45.000Z",
      versions: [{ version: 1, created: "2015-12-26T21:19:45.000Z" }],
      withdrawn: false,
    });
    expect(paper?.abstract).toMatch(
      /^We extend the Landauer-B\\"uttiker probe formalism for conductances to the high/,
    );
  });

  it("reads the newer feed: namespaces declared once, primary category first, old-style ids, withdrawals", async () => {
    server.handle(() => ({ body: NEWER }));
    const papers = await fetchArxivPapers(client, ["2409.13598", "hep-th/9901001"], api());
    expect(papers.map((p) => p.id)).toEqual(["2409.13598", "hep-th/9901001"]);
    expect(papers[0]).toMatchObject({
      title: "A Hand-Written Entry in the Newer Export API Shape",
      abstract: "We describe the newer shape of the arXiv export API answer.\n\nA second paragraph.",
      categories: ["stat.ML", "cs.LG"],
      comment: "12 pages, 3 figures",
      versions: [
        { version: 1, created: "2024-09-20T17:59:01.000Z" },
        { version: 3, created: "2024-11-02T09:30:00.000Z" },
      ],
    });
    expect(papers[1]?.withdrawn).toBe(true);
  });

  it("asks in id_list batches", async () => {
    server.handle(() => ({ body: feed("search_empty_result.xml") }));
    const ids = Array.from({ length: 5 }, (_, i) => `2401.0000${i + 1}`);
    expect(await fetchArxivPapers(client, ids, { ...api(), batchSize: 2 })).toEqual([]);
    expect(server.requests.map((r) => r.query.get("id_list"))).toEqual([
      "2401.00001,2401.00002",
      "2401.00003,2401.00004",
      "2401.00005",
    ]);
  });

  it("turns an error sent as an entry into an upstream error with arXiv's words", async () => {
    server.handle(() => ({ body: ERROR }));
    await expect(fetchArxivPapers(client, ["2401.00001"], api())).rejects.toMatchObject({
      code: "upstream",
      message: expect.stringMatching(/^arXiv export API: incorrect id format for 1234\.5678/),
    });
  });

  it("names the source and position for malformed XML and for an HTML page", async () => {
    server.handle(() => ({ body: CLASSIC.toString().replace("</entry>", "</entyr>") }));
    await expect(fetchArxivPapers(client, ["1601.00001"], api())).rejects.toMatchObject({
      code: "upstream",
      message: expect.stringMatching(
        /^arXiv export API: malformed XML at line 47, column \d+ \(unexpected close tag/,
      ),
    });
    server.handle(() => ({
      body: "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head></html>",
    }));
    await expect(fetchArxivPapers(client, ["1601.00001"], api())).rejects.toThrow(
      'arXiv export API: expected XML but got an HTML page ("502 Bad Gateway")',
    );
  });

  describe.each(BACKENDS)("paperboy fetch (%s)", (backend) => {
    let instance: TestInstance;
    beforeEach(async () => {
      instance = await createTestInstance({
        backend,
        env: { ARXIV_API_URL: `${server.url}/api/query`, ARXIV_REQUEST_INTERVAL_MS: "0" },
      });
    });
    afterEach(async () => {
      await instance.dispose();
    });

    it("stores the fetched papers through the services' client and reports the missing ones", async () => {
      server.handle(() => ({ body: CLASSIC }));
      const report = await fetchAndStorePapers(instance.services, ["1601.00001", "2401.99999"]);
      expect(report).toMatchObject({ added: 1, missing: ["2401.99999"] });
      const stored = await getPaper(instance.services.database, "1601.00001");
      expect(stored?.doi).toBe("10.1063/1.4944470");
      expect(server.requests[0]?.headers["user-agent"]).toMatch(
        /^Paperboy\/\S+ \(.*mailto:paperboy@localhost\)$/,
      );
    });
  });
});
