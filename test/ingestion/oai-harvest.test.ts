import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { harvestArxiv } from "../../src/ingestion/arxiv/harvest.js";
import { loadCheckpoint } from "../../src/storage/checkpoints.js";
import { getPaper } from "../../src/storage/papers.js";
import { BACKENDS } from "../helpers/backends.js";
import { oaiFixture, pagedHarvest } from "../helpers/oai-pages.js";
import { type ReplayServer, startReplayServer } from "../helpers/replay-server.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";

const ALL_IDS = ["0704.0471", "0704.0716", "0704.0874", "0704.1109", "0704.1114", "0704.1586"];

describe.each(BACKENDS)("ingest arxiv (OAI-PMH harvest) (%s)", (backend) => {
  let server: ReplayServer;
  let instance: TestInstance;
  beforeEach(async () => {
    server = await startReplayServer();
    instance = await createTestInstance({
      backend,
      env: { ARXIV_OAI_URL: `${server.url}/oai`, ARXIV_REQUEST_INTERVAL_MS: "0" },
    });
  });
  afterEach(async () => {
    await instance.dispose();
    await server.close();
  });

  const storedIds = async () =>
    (await instance.services.database.kysely.selectFrom("papers").select("id").orderBy("id").execute()).map(
      (row) => row.id,
    );
  const cursor = async (name = "arxiv-oai:*") =>
    JSON.parse((await loadCheckpoint(instance.services.database, name)) ?? "null");

  it("follows resumption tokens and stores every version, the licence, comments, journal-ref and DOI", async () => {
    server.handle(pagedHarvest(2));
    const report = await harvestArxiv(instance.services, { from: "2014-10-01" });
    expect(report).toMatchObject({ pages: 3, records: 6, added: 6, resumed: false });
    expect(server.requests.map((r) => Object.fromEntries(r.query))).toEqual([
      { verb: "ListRecords", metadataPrefix: "arXivRaw", from: "2014-10-01" },
      { verb: "ListRecords", resumptionToken: "t1" },
      { verb: "ListRecords", resumptionToken: "t2" },
    ]);
    expect(await storedIds()).toEqual(ALL_IDS);
    const paper = await getPaper(instance.services.database, "0704.0716");
    expect(paper?.versions.map((v) => v.version)).toEqual([1, 2, 3, 4]);
    expect(paper?.published).toBe("2007-04-05T12:45:03.000Z");
    expect(paper?.updated).toBe("2008-11-14T09:07:25.000Z");
    expect(paper?.categories).toEqual(["math-ph", "math.MP"]);
    const first = await getPaper(instance.services.database, "0704.0471");
    expect(first?.authors).toEqual(["D.V. Shetty", "S.J. Yennello", "G.A. Souliotis"]);
    expect(first?.doi).toBe("10.1103/PhysRevC.76.024606");
    expect(first?.journalRef).toBe("Phys.Rev.C76:024606,2007; Erratum-ibid.C76:039902,2007");
    expect(first?.abstract).toContain('extremely " stiff " and " soft "');
    expect(await cursor()).toMatchObject({ complete: true, lastDatestamp: "2014-12-22", token: null });
  });

  it("carries on from the last datestamp next time, and takes noRecordsMatch as an empty success", async () => {
    server.handle(pagedHarvest(6));
    await harvestArxiv(instance.services, { from: "2014-10-01" });
    server.handle(() => ({ body: oaiFixture("ErrorResponseNoRecordsMatch.xml") }));
    const report = await harvestArxiv(instance.services, {});
    expect(report).toMatchObject({ pages: 0, records: 0, added: 0 });
    expect(server.requests.at(-1)?.query.get("from")).toBe("2014-12-22");
    expect(await cursor()).toMatchObject({ complete: true, from: "2014-12-22" });
  });

  it("restarts the list from the harvest's own from when the server rejects a resumption token", async () => {
    let rejected = false;
    server.handle(
      pagedHarvest(2, (request) => {
        if (request.query.get("resumptionToken") !== "t2" || rejected) return undefined;
        rejected = true;
        return { body: oaiFixture("ErrorResponseBadResumptionToken.xml") };
      }),
    );
    const report = await harvestArxiv(instance.services, { from: "2014-10-01", set: "physics" });
    expect(report.restarts).toBe(1);
    const restart = server.requests[3]?.query;
    expect(restart && Object.fromEntries(restart)).toEqual({
      verb: "ListRecords",
      metadataPrefix: "arXivRaw",
      from: "2014-10-01",
      set: "physics",
    });
    expect(await storedIds()).toEqual(ALL_IDS);
  });

  it("stops with a clear error when the server repeats a resumption token", async () => {
    const pages = pagedHarvest(2);
    // Every page points back to t1: followed naively, the list never ends.
    server.handle((request) => {
      const answer = pages(request);
      return { ...answer, body: String(answer.body).replace(/>t\d</, ">t1<") };
    });
    await expect(harvestArxiv(instance.services, { from: "2014-10-01" })).rejects.toMatchObject({
      code: "upstream",
      message: expect.stringMatching(/resumption token "t1" a second time/),
    });
    expect(server.requests.length).toBeLessThan(5);
  });

  it("skips a record it cannot read, says where it is, and harvests the rest", async () => {
    const pages = pagedHarvest(2);
    server.handle((request) => {
      const answer = pages(request);
      // The second record of the first page gets an id with month 13.
      if (request.query.get("resumptionToken") !== null) return answer;
      return { ...answer, body: String(answer.body).replace("<id>0704.0716</id>", "<id>0713.0716</id>") };
    });
    const problems: string[] = [];
    const report = await harvestArxiv(
      instance.services,
      { from: "2014-10-01" },
      { onProblem: (message) => problems.push(message) },
    );
    expect(report).toMatchObject({ rejected: 1, added: 5 });
    expect(problems).toEqual([expect.stringMatching(/^arXiv OAI-PMH record 2: .*0713\.0716/)]);
    expect(await storedIds()).toEqual(ALL_IDS.filter((id) => id !== "0704.0716"));
    expect((await cursor()).complete).toBe(true);
  });

  it("fails with the server's own message for other OAI errors", async () => {
    server.handle(() => ({ body: oaiFixture("ErrorResponseBadArgument.xml") }));
    await expect(harvestArxiv(instance.services, { from: "2014-10-01" })).rejects.toMatchObject({
      code: "upstream",
      message: expect.stringMatching(/^arXiv OAI-PMH: badArgument: \S/),
    });
  });

  it("stopped between pages, resumes at the first page not committed", async () => {
    server.handle(pagedHarvest(2));
    const controller = new AbortController();
    const first = harvestArxiv(
      instance.services,
      { from: "2014-10-01" },
      { signal: controller.signal, onPage: (state) => state.pages === 2 && controller.abort() },
    );
    await expect(first).rejects.toThrow();
    expect(await storedIds()).toEqual(ALL_IDS.slice(0, 4));
    expect(await cursor()).toMatchObject({ token: "t2", pages: 2, complete: false });
    const resumed = await harvestArxiv(instance.services, {});
    expect(resumed).toMatchObject({ resumed: true, added: 2, pages: 3, records: 6 });
    expect(server.requests.at(-1)?.query.get("resumptionToken")).toBe("t2");
    expect(await storedIds()).toEqual(ALL_IDS);
  });
});
