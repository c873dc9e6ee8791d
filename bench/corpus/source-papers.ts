import { titleGap } from "../../src/core/damaged-title.js";
import type { IncomingPaper } from "../../src/core/paper.js";
import { parseListingLine } from "../../src/ingestion/formats/listing.js";
import { openInput, readLines } from "../../src/ingestion/read-lines.js";
import { isStopword } from "../../src/search/stopwords.js";
import { sentences, type TitleParts, titleParts } from "./text-parts.js";

/** One real paper, taken apart into what generated papers are recombined from. */
export interface SourcePaper {
  readonly categories: readonly string[];
  readonly sentences: readonly string[];
  readonly authors: readonly string[];
  readonly comment: string | null;
  readonly title: TitleParts | null;
  /** The title's distinct content words, lower-cased: what the paper's topic is looked up by. */
  readonly words: readonly string[];
}

/** Title heads and tails: every cut title, and the tails by the joint they follow. */
export class TitlePool {
  readonly all: TitleParts[] = [];
  readonly tails = new Map<string, TitleParts[]>();

  constructor(papers: readonly SourcePaper[] = []) {
    for (const paper of papers) if (paper.title) this.add(paper.title);
  }

  add(parts: TitleParts): void {
    this.all.push(parts);
    push(this.tails, parts.joint, parts);
  }
}

/**
 * The real papers a corpus is generated from: all of them, by primary category, and by topic (a primary
 * category and a title word: "cs.CV histopathology"), with each category's author names (repeated as often as
 * they sign, so prolific authors stay prolific). Every title is also pooled across categories.
 */
export class SourceSet {
  readonly papers: SourcePaper[] = [];
  readonly ids = new Set<string>();
  readonly byCategory = new Map<string, SourcePaper[]>();
  readonly byTopic = new Map<string, SourcePaper[]>();
  readonly authorsByCategory = new Map<string, string[]>();
  readonly titles = new TitlePool();
  private readonly titlePools = new Map<string, TitlePool>();

  add(
    id: string,
    title: string,
    abstract: string,
    fields: Omit<SourcePaper, "sentences" | "title" | "words">,
  ) {
    const primary = fields.categories[0];
    const parts = sentences(abstract);
    if (!primary || parts.length === 0 || fields.authors.length === 0) return;
    const paper: SourcePaper = {
      ...fields,
      sentences: parts,
      title: titleParts(title),
      words: titleWords(title),
    };
    this.ids.add(id);
    this.papers.push(paper);
    push(this.byCategory, primary, paper);
    for (const word of paper.words) push(this.byTopic, topicKey(primary, word), paper);
    for (const author of fields.authors) push(this.authorsByCategory, primary, author);
    if (paper.title) this.titles.add(paper.title);
  }

  /** The title parts of a group of papers (a topic or a category), pooled once and kept. */
  titlePool(key: string, papers: readonly SourcePaper[]): TitlePool {
    let pool = this.titlePools.get(key);
    if (!pool) {
      pool = new TitlePool(papers);
      this.titlePools.set(key, pool);
    }
    return pool;
  }
}

export const topicKey = (category: string, word: string) => `${category} ${word}`;

function titleWords(title: string): string[] {
  const words = title.toLowerCase().match(/\p{L}{4,}/gu) ?? [];
  return [...new Set(words.filter((word) => !isStopword(word)))];
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** A record whose title lost words (core/damaged-title.ts): imports refuse it, so it is no source either. */
function isDamaged(text: string): boolean {
  const { title } = JSON.parse(text) as { title?: unknown };
  return typeof title === "string" && titleGap(title) !== null;
}

/** The papers of listing files (the shared corpus's format, gzip or not), in file order, damaged ones left out. */
export async function* readListing(files: readonly string[]): AsyncGenerator<IncomingPaper> {
  for (const file of files) {
    for await (const line of readLines(await openInput(file))) {
      if (line.text.trim() !== "" && !isDamaged(line.text)) yield parseListingLine(line.text);
    }
  }
}

/** Reads listing files into a source set. */
export async function readSourceSet(files: readonly string[]): Promise<SourceSet> {
  const set = new SourceSet();
  for await (const { record } of readListing(files)) {
    set.add(record.id, record.title, record.abstract, {
      categories: record.categories,
      authors: record.authors,
      comment: record.comment,
    });
  }
  if (set.papers.length === 0) throw new Error(`no usable papers in ${files.join(", ")}`);
  return set;
}
