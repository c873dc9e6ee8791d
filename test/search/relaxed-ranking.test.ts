import { describe, expect, it } from "vitest";
import { keywordRanking, RELAXED_POSTINGS } from "../../src/search/keyword.js";
import { parseQuery } from "../../src/search/query/parse.js";
import { NO_FILTERS } from "../../src/search/query/tree.js";
import { RANK_NEWEST } from "../../src/storage/keyword-types.js";
import { BACKENDS } from "../helpers/backends.js";
import { incoming, paperRecord } from "../helpers/papers.js";
import { sharedInstanceWith } from "../helpers/shared-instance.js";

const WORDS = ["quillwort", "spikemoss", "horsetail"];
const EACH = 1_500;
const id = (n: number) => `2606.${String(n).padStart(5, "0")}`;
/** The oldest paper, the only one holding two of the words: the best paper of the relaxed match. */
const BEST = id(1);

// Each word in 1,500 papers (under the common bound, together under the relaxed budget), no paper with all
// three: the search falls back to "some of the words", whose 4,500 matches are more than RANK_NEWEST.
const PAPERS = [
  paperRecord(BEST, { title: `${WORDS[0]} and ${WORDS[1]} of wet meadows`, abstract: "Field notes." }),
  ...Array.from({ length: WORDS.length * EACH - 1 }, (_, i) =>
    paperRecord(id(i + 2), {
      title: `On the ${WORDS[(i + 1) % WORDS.length]} number ${i}`,
      abstract: "Field notes.",
    }),
  ),
].map((record) => incoming(record));

describe.each(BACKENDS)("keyword ranking of papers holding some of the words (%s)", (backend) => {
  const instance = sharedInstanceWith(backend, PAPERS);

  it("ranks every match of the relaxed words, not only the newest ones", async () => {
    expect(PAPERS.length).toBeGreaterThan(RANK_NEWEST);
    expect(PAPERS.length).toBeLessThanOrEqual(RELAXED_POSTINGS);
    const ranking = await keywordRanking(
      instance().services.database,
      parseQuery(WORDS.join(" ")),
      NO_FILTERS,
      20,
    );
    expect(ranking.matched).toBe(0);
    expect(ranking.ids[0]).toBe(BEST);
  });
});
