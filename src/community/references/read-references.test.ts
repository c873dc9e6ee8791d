import { describe, expect, it } from "vitest";
import { detectFormat, readReferences } from "./read-references.js";

const BIBTEX = `% exported by a reference manager
@string{arx = "arXiv preprint"}

@article{good2016,
  title = {A {Good} Paper},
  author = {Doe, Jane and Roe, Rick},
  eprint = {1601.00001v1},
  archivePrefix = {arXiv},
  year = 2016
}

@article{broken,
  title = {An unclosed {brace,
  year = 2020
}

@misc{scholar, title = "From Scholar", journal = arx # " arXiv:2510.14968"}
@book{noarxiv, title = {A Book}, publisher = {Press}}
@comment{ignored entirely}
@online{linked, url = {https://arxiv.org/abs/hep-th/9901001v2}}
`;

const RIS = `TY  - JOUR
TI  - A paper
AU  - Doe, Jane
DO  - 10.48550/arXiv.2510.14827
ER  - 

stray text
TY  - BOOK
TI  - No arXiv here
ER  - 
TY  - GEN
UR  - https://arxiv.org/pdf/2409.13598v3
ER  - 
TY  - JOUR
TI  - Never closed
`;

describe("reading a reference file", () => {
  it("finds the format from the text", () => {
    expect(detectFormat(BIBTEX)).toBe("bibtex");
    expect(detectFormat(RIS)).toBe("ris");
    expect(detectFormat("2409.13598\nhttps://arxiv.org/abs/1601.00001")).toBe("ids");
  });

  it("reads BibTeX entry by entry, reporting each bad one on its line", async () => {
    expect(await readReferences(BIBTEX)).toEqual([
      { line: 4, paperId: "1601.00001" },
      { line: 12, problem: expect.stringMatching(/^entry "broken" is not valid BibTeX: \w/) },
      { line: 17, paperId: "2510.14968" },
      { line: 18, problem: expect.stringContaining('entry "noarxiv" names no arXiv paper') },
      { line: 20, paperId: "hep-th/9901001" },
    ]);
  });

  it("reads RIS record by record and reports text outside records and unclosed ones", async () => {
    expect(await readReferences(RIS)).toEqual([
      { line: 1, paperId: "2510.14827" },
      { line: 7, problem: expect.stringContaining("outside any RIS record") },
      { line: 8, problem: expect.stringContaining('entry "No arXiv here" names no arXiv paper') },
      { line: 11, paperId: "2409.13598" },
      { line: 14, problem: "this RIS record has no ER line closing it" },
    ]);
  });

  it("reads ids and links, several to a line, with Windows line ends and comments", async () => {
    const text =
      "# my list\r\n2409.13598v2, arXiv:1601.00001\r\nhttps://arxiv.org/abs/hep-th/9901001\r\n\r\nnot-an-id";
    expect(await readReferences(text)).toEqual([
      { line: 2, paperId: "2409.13598" },
      { line: 2, paperId: "1601.00001" },
      { line: 3, paperId: "hep-th/9901001" },
      { line: 5, problem: expect.stringContaining('"not-an-id" is not an arXiv id') },
    ]);
  });

  it("never follows a link: a URL that is not arXiv's is reported, not fetched", async () => {
    expect(await readReferences("http://127.0.0.1:1/secret")).toEqual([
      { line: 1, problem: expect.stringContaining("is not an arXiv id") },
    ]);
  });

  it("refuses a file over the size limit", async () => {
    await expect(readReferences("1601.00001\n".repeat(300_000))).rejects.toThrow(/at most 2 MB/);
  });
});
