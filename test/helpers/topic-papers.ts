import type { PaperRecord } from "../../src/core/paper.js";
import { paperRecord } from "./api.js";

/**
 * Papers on three unrelated topics, each with its own authors and category, so a reader's signals on one topic
 * should visibly reorder a ranking. Ids run 2606.1TNNN: T the topic, NNN the paper.
 */
export const TOPICS = {
  graphs: {
    category: "cs.LG",
    authors: ["Ada Lovelace", "Alan Turing", "Grace Hopper"],
    words: [
      "graph neural networks",
      "message passing",
      "node classification",
      "graph attention",
      "edge features",
    ],
  },
  proteins: {
    category: "q-bio.BM",
    authors: ["Rosalind Franklin", "Linus Pauling", "Dorothy Hodgkin"],
    words: [
      "protein folding",
      "amino acid sequences",
      "molecular dynamics",
      "binding affinity",
      "enzyme kinetics",
    ],
  },
  galaxies: {
    category: "astro-ph.GA",
    authors: ["Vera Rubin", "Edwin Hubble", "Henrietta Leavitt"],
    words: [
      "galaxy rotation curves",
      "dark matter halos",
      "stellar populations",
      "redshift surveys",
      "spiral arms",
    ],
  },
} as const;

export type Topic = keyof typeof TOPICS;

/** The n-th paper of a topic: a title and abstract from its words, two of its authors, its category. */
export function topicPaper(topic: Topic, n: number, published: string): PaperRecord {
  const { words, authors, category } = TOPICS[topic];
  const pick = (k: number) => words[(n + k) % words.length] ?? "";
  const index = Object.keys(TOPICS).indexOf(topic) + 1;
  return paperRecord(`2606.1${index}${String(n).padStart(3, "0")}`, {
    title: `On ${pick(0)} and ${pick(1)} (${n})`,
    abstract: `We study ${pick(0)} with ${pick(2)}. Our results on ${pick(1)} and ${pick(3)} improve on prior work in ${pick(4)}.`,
    authors: [authors[n % authors.length] ?? "", authors[(n + 1) % authors.length] ?? ""],
    categories: [category],
    published,
    versions: [{ version: 1, created: published }],
  });
}

/** `count` papers of each topic, interleaved so no topic comes first by id alone. */
export function topicPapers(first: number, count: number, published: string): PaperRecord[] {
  const out: PaperRecord[] = [];
  for (let n = first; n < first + count; n += 1)
    for (const topic of Object.keys(TOPICS) as Topic[]) out.push(topicPaper(topic, n, published));
  return out;
}
