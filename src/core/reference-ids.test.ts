import { describe, expect, it } from "vitest";
import { arxivIdOfReference, type ReferenceField } from "./reference-ids.js";

const id = (...fields: ReferenceField[]) => arxivIdOfReference(fields);

describe("the arXiv id a reference names", () => {
  it("reads eprint when the archive is arXiv or unnamed, and not for another archive", () => {
    expect(id(["eprint", "2409.13598v2"], ["archiveprefix", "arXiv"])).toBe("2409.13598");
    expect(id(["eprinttype", "arxiv"], ["eprint", "hep-th/9901001"])).toBe("hep-th/9901001");
    expect(id(["eprint", "1601.00001"])).toBe("1601.00001");
    expect(id(["archiveprefix", "PMC"], ["eprint", "1601.00001"])).toBeNull();
  });

  it("reads arXiv DOIs and arxiv.org links, bare or wrapped", () => {
    expect(id(["doi", "10.48550/arXiv.2510.14968"])).toBe("2510.14968");
    expect(id(["do", "https://doi.org/10.48550/ARXIV.2510.14827"])).toBe("2510.14827");
    expect(id(["url", "https://arxiv.org/pdf/2409.13598v3.pdf"])).toBe("2409.13598");
    expect(id(["howpublished", "\\url{http://arxiv.org/abs/hep-th/9901001v1}"])).toBe("hep-th/9901001");
    expect(id(["doi", "10.1145/3292500.3330701"])).toBeNull();
  });

  it("finds an arXiv:ID mention in free text, as Google Scholar writes it", () => {
    expect(id(["journal", "arXiv preprint arXiv:2510.14968"])).toBe("2510.14968");
    expect(id(["note", "see arXiv: math.GT/0309136v1"])).toBe("math/0309136");
    expect(id(["title", "Attention is all you need"], ["journal", "NeurIPS"])).toBeNull();
  });

  it("prefers eprint, then the DOI, then a link, then a mention", () => {
    const fields: ReferenceField[] = [
      ["note", "arXiv:1601.00001"],
      ["url", "https://arxiv.org/abs/2510.14827"],
      ["doi", "10.48550/arXiv.2510.14968"],
    ];
    expect(arxivIdOfReference(fields)).toBe("2510.14968");
    expect(arxivIdOfReference([...fields, ["eprint", "2409.13598"]])).toBe("2409.13598");
    expect(arxivIdOfReference(fields.slice(0, 2))).toBe("2510.14827");
  });

  it("skips an id arXiv could not have issued", () => {
    expect(id(["eprint", "2413.00001"])).toBeNull();
    expect(id(["journal", "arXiv:2413.00001"], ["url", "https://arxiv.org/abs/1601.00001"])).toBe(
      "1601.00001",
    );
  });
});
