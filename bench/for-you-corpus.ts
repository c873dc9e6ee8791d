/**
 * The "author as reader" set for the For you benchmark, from the shared listings corpus: every paper with its
 * arXiv day (the day it was new), and the authors who read as readers (their papers before the cut-off are their
 * upvotes, their later papers what a good ranking puts first). Benchmarks only.
 */
import { readListing } from "./corpus/source-papers.js";

export interface BenchPaper {
  readonly id: string;
  readonly day: string;
  readonly title: string;
  readonly abstract: string;
  readonly authors: readonly string[];
  readonly categories: readonly string[];
}

export interface AuthorReader {
  readonly name: string;
  /** Their papers before the cut-off: the reader's upvotes. */
  readonly upvotes: readonly number[];
  /** Their later papers, by arXiv day: what each day's ranking is judged on. */
  readonly later: ReadonlyMap<string, ReadonlySet<string>>;
}

/** Every paper of the listing files but the damaged ones imports refuse, each on the arXiv day it was new. */
export async function loadListingPapers(files: readonly string[]): Promise<BenchPaper[]> {
  const papers: BenchPaper[] = [];
  for await (const { record, announcedOn } of readListing(files)) {
    papers.push({
      id: record.id,
      day: announcedOn ?? "",
      title: record.title,
      abstract: record.abstract,
      authors: record.authors,
      categories: record.categories,
    });
  }
  return papers.sort((a, b) => (a.day === b.day ? (a.id < b.id ? -1 : 1) : a.day < b.day ? -1 : 1));
}

/** FNV-1a: a stable hash that splits authors into the tuning and the reported set. */
export function nameHash(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i += 1) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** Authors with at least `minPapers` papers, `minUpvotes` of them before the cut-off and one after. */
export function authorReaders(
  papers: readonly BenchPaper[],
  cutoff: string,
  minPapers: number,
  minUpvotes: number,
): AuthorReader[] {
  const byAuthor = new Map<string, number[]>();
  papers.forEach((paper, i) => {
    for (const name of new Set(paper.authors)) {
      const own = byAuthor.get(name);
      if (own) own.push(i);
      else byAuthor.set(name, [i]);
    }
  });
  const readers: AuthorReader[] = [];
  for (const [name, own] of byAuthor) {
    if (own.length < minPapers) continue;
    const upvotes = own.filter((i) => (papers[i]?.day ?? "") < cutoff);
    const later = new Map<string, Set<string>>();
    for (const i of own) {
      const paper = papers[i];
      if (!paper || paper.day < cutoff) continue;
      later.set(paper.day, (later.get(paper.day) ?? new Set()).add(paper.id));
    }
    if (upvotes.length >= minUpvotes && later.size > 0) readers.push({ name, upvotes, later });
  }
  return readers.sort((a, b) => nameHash(a.name) - nameHash(b.name) || (a.name < b.name ? -1 : 1));
}
