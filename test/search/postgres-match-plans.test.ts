import { describe, expect, it } from "vitest";
import { keywordSearchPostgres } from "../../src/storage/postgres/keyword-search.js";
import { BACKENDS } from "../helpers/backends.js";
import { keywordRequest } from "../helpers/keyword.js";
import { incoming, paperRecord } from "../helpers/papers.js";
import { sharedInstanceWith } from "../helpers/shared-instance.js";

const id = (n: number) => `2606.${String(n).padStart(5, "0")}`;
// "tundra" in every third title, "lichen" in every fifth, both in every seventh abstract.
const PAPERS = Array.from({ length: 3_000 }, (_, i) =>
  paperRecord(id(i + 1), {
    title: [i % 3 === 0 ? "Tundra" : "Steppe", i % 5 === 0 ? "lichen" : "grass", `survey ${i}`].join(" "),
    abstract: i % 7 === 0 ? "Lichen and tundra, lichen again." : "Field notes.",
  }),
).map((record) => incoming(record));

const text = (p: (typeof PAPERS)[number]) => `${p.record.title} ${p.record.abstract}`.toLowerCase();
const HOLDING = PAPERS.filter((p) => text(p).includes("tundra") && text(p).includes("lichen")).length;

const request = (rankNewest: number, offset = 0) =>
  keywordRequest(["tundra", "lichen"], false, { offset, rankNewest });

it("the corpus holds enough matches to be bounded", () => {
  expect(HOLDING).toBeGreaterThan(50);
  expect(HOLDING).toBeLessThan(1_000);
});

// PostgreSQL finds a strict match's newest matches either by walking the newest papers or, when the words'
// counts say they are few, through the GIN index first (storage/keyword-search.ts): the answer is the same.
describe.each(BACKENDS.filter((b) => b === "postgres"))(
  "PostgreSQL's two ways to the newest matches (%s)",
  (backend) => {
    const instance = sharedInstanceWith(backend, PAPERS);

    it("ranks the same papers with the same scores and counts, bounded or not, on every page", async () => {
      const db = instance().services.database.kysely;
      for (const [bound, offset] of [
        [50, 0],
        [50, 40],
        [1_000, 0],
        [1_000, 180],
      ] as const) {
        const walked = await keywordSearchPostgres(db, request(bound, offset), false);
        const found = await keywordSearchPostgres(db, request(bound, offset), true);
        expect(found).toEqual(walked);
        expect(walked.total).toBe(Math.min(bound, HOLDING));
      }
    });
  },
);
