import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { importFiles } from "../../src/ingestion/import-files.js";
import { getPaper } from "../../src/storage/papers.js";
import { BACKENDS } from "../helpers/backends.js";
import { fixture } from "../helpers/fixtures.js";
import { createTestInstance, type TestInstance } from "../helpers/services.js";

const SNAPSHOT = fixture("arxiv-snapshot-small.jsonl");
const snapshotLines = () => readFileSync(SNAPSHOT, "utf8").trim().split("\n");

describe.each(BACKENDS)("import formats for arXiv and Hugging Face data (%s)", (backend) => {
  let instance: TestInstance;
  beforeEach(async () => {
    instance = await createTestInstance({ backend });
  });
  afterEach(async () => {
    await instance.dispose();
  });
  const write = (name: string, content: string | Buffer) => {
    const file = join(instance.directory, name);
    writeFileSync(file, content);
    return file;
  };
  const load = (files: string[], format: string) =>
    importFiles(instance.services.database, files, { format });
  const paper = (id: string) => getPaper(instance.services.database, id);

  it("arxiv-snapshot: versions, decoded author names, licence, categories without MSC codes, withdrawals", async () => {
    const report = await load([write("s.jsonl.gz", gzipSync(readFileSync(SNAPSHOT)))], "arxiv-snapshot");
    expect(report).toMatchObject({ added: 3, rejected: 0, featured: 0 });
    expect(await paper("0704.0001")).toMatchObject({
      title: "Calculation of prompt diphoton production cross sections at Tevatron and LHC energies",
      authors: ["C. Balázs", "E. L. Berger", "P. M. Nadolsky", "C. -P. Yuan"],
      journalRef: "Phys.Rev.D76:013009,2007",
      published: "2007-04-02T19:18:42.000Z",
      updated: "2007-07-24T20:10:27.000Z",
      withdrawn: false,
    });
    expect((await paper("0704.0001"))?.versions.map((v) => v.version)).toEqual([1, 2]);
    expect(await paper("0704.0046")).toMatchObject({
      authors: ["A. Author", "B. Writer"],
      categories: ["math.CO", "cs.DM"],
      primaryCategory: "math.CO",
      license: "http://arxiv.org/licenses/nonexclusive-distrib/1.0/",
    });
    expect((await paper("math/0211159"))?.withdrawn).toBe(true);
  });

  it("a newer version replaces the metadata and joins the versions; an older one changes nothing", async () => {
    await load([SNAPSHOT], "arxiv-snapshot");
    const original = JSON.parse(snapshotLines()[1] ?? "{}");
    const v2 = {
      ...original,
      title: "Revised title",
      license: null,
      versions: [...original.versions, { version: "v2", created: "Mon, 4 Jun 2007 10:00:00 GMT" }],
    };
    expect(await load([write("v2.jsonl", JSON.stringify(v2))], "arxiv-snapshot")).toMatchObject({
      updated: 1,
    });
    const revised = await paper("0704.0046");
    expect(revised).toMatchObject({ title: "Revised title", license: original.license });
    expect(revised?.versions.map((v) => v.version)).toEqual([1, 2]);
    const stale = { ...original, title: "Stale title" };
    expect(await load([write("v1.jsonl", JSON.stringify(stale))], "arxiv-snapshot")).toMatchObject({
      updated: 0,
      unchanged: 1,
    });
    expect((await paper("0704.0046"))?.title).toBe("Revised title");
  });

  it("atom, oai and hf-daily read saved API answers", async () => {
    const atom = await load(
      [fixture("arxiv-export-api/search_cat-cs.RO_neural_max2_2025-10-17.xml")],
      "atom",
    );
    expect(atom).toMatchObject({ added: 2 });
    const oai = await load(
      [fixture("arxiv-oai-pmh/ListRecordsResponse.xml"), fixture("arxiv-oai-pmh/GetRecordResponse.xml")],
      "oai",
    );
    expect(oai).toMatchObject({ added: 7 });
    expect((await paper("1302.2146"))?.license).toBe("http://arxiv.org/licenses/nonexclusive-distrib/1.0/");
    const hf = await load([fixture("hf-daily-papers-api/daily_papers_2026-08-03_trimmed.json")], "hf-daily");
    expect(hf).toMatchObject({ added: 3, featured: 3 });
    expect(await paper("2607.27851")).toMatchObject({ listingDay: "2026-08-03", externalUpvotes: 2 });
  });

  it("names the file and position for malformed documents, and writes nothing of them", async () => {
    const xml = readFileSync(fixture("arxiv-oai-pmh/ListRecordsResponse.xml"), "utf8");
    const broken = write("broken.xml", xml.replace("</title>", "</tilte>"));
    await expect(load([broken], "oai")).rejects.toThrow(
      new RegExp(
        `^${broken.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}: malformed XML at line \\d+, column \\d+`,
      ),
    );
    const html = write("error.xml", "<!DOCTYPE html><html><head><title>Rate exceeded</title></head></html>");
    await expect(load([html], "atom")).rejects.toThrow(
      /error\.xml: expected XML but got an HTML page \("Rate exceeded"\)/,
    );
    const json = write("daily.json", '[{"paper": {"id": "2607.26654"');
    await expect(load([json], "hf-daily")).rejects.toThrow(/daily\.json: malformed JSON/);
    expect(await instance.services.database.kysely.selectFrom("papers").select("id").execute()).toEqual([]);
  });

  it("refuses another format's lines read as the snapshot, instead of storing papers with nothing but a title", async () => {
    const problems: string[] = [];
    const report = await importFiles(instance.services.database, [fixture("listing-small.jsonl")], {
      format: "arxiv-snapshot",
      onProblem: (problem) => problems.push(problem.message),
    });
    expect(report).toMatchObject({ added: 0, rejected: 180 });
    expect(problems[0]).toMatch(/not a line of the Kaggle arXiv snapshot \(is --format right\?\)/);
  });

  it("a truncated gzip snapshot keeps the whole records before the cut and names the file", async () => {
    const many = snapshotLines()
      .flatMap((line) =>
        Array.from({ length: 400 }, (_, i) => ({
          ...JSON.parse(line),
          id: `0801.${String(i + 1).padStart(4, "0")}`,
        })),
      )
      .map((o, i) => JSON.stringify({ ...o, id: `0801.${String(i + 1).padStart(4, "0")}` }))
      .join("\n");
    const gz = gzipSync(many);
    const cut = write("cut.jsonl.gz", gz.subarray(0, Math.floor(gz.length * 0.6)));
    await expect(load([cut], "arxiv-snapshot")).rejects.toThrow(
      /cut\.jsonl\.gz: unreadable after line \d+ \(unexpected end of file\)/,
    );
    const kept = await instance.services.database.kysely.selectFrom("papers").select("id").execute();
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(1200);
    const report = await load([write("whole.jsonl.gz", gz)], "arxiv-snapshot");
    expect(report).toMatchObject({ added: 1200 - kept.length, unchanged: kept.length });
  });
});
