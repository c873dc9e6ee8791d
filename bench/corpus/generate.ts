import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { createGzip } from "node:zlib";
import { isNewStyle, type Month, papersPerMonth } from "./calendar.js";
import { Dice } from "./dice.js";
import { MonthIds, OLD_ARCHIVES } from "./identifiers.js";
import { recombinedAbstract, recombinedAuthors, recombinedTitle } from "./recombine.js";
import { SeenTexts } from "./seen-texts.js";
import {
  authorLine,
  journalRefOf,
  licenseOf,
  parsedNames,
  type SnapshotRecord,
  versionsOf,
  versionTimes,
} from "./snapshot-record.js";
import type { SourcePaper, SourceSet } from "./source-papers.js";
import { wrap } from "./text-parts.js";
import { topicOf } from "./topic.js";

export interface CorpusOptions {
  readonly papers: number;
  readonly seed: number;
}

/** One paper in 250 is withdrawn (its comment says so, and it has one more version). */
const WITHDRAWN = 1 / 250;

/** Tells the generator which papers it has already used a title or abstract of. */
interface Used {
  readonly titles: SeenTexts;
  readonly abstracts: SeenTexts;
}

/**
 * A corpus of `papers` arXiv papers in the Kaggle snapshot's shape, month by month in id order from August
 * 1991 to June 2026, deterministic for a seed. Each takes a random real paper as its template (its categories,
 * number of authors and sentences, comment) and one of its topics, and recombines its title and abstract from
 * real papers of that topic and its authors from the category's real names.
 */
export function* generateCorpus(source: SourceSet, options: CorpusOptions): Generator<SnapshotRecord> {
  const dice = new Dice(options.seed);
  const used: Used = { titles: new SeenTexts(), abstracts: new SeenTexts() };
  for (const [month, count] of papersPerMonth(options.papers, OLD_ARCHIVES.length)) {
    yield* monthOfPapers(dice, source, used, month, count);
  }
}

/** `papers` new papers of one month after the corpus (a day's increment), deterministic for a seed. */
export function* generateMonth(source: SourceSet, month: Month, papers: number, seed: number) {
  yield* monthOfPapers(
    new Dice(seed),
    source,
    { titles: new SeenTexts(), abstracts: new SeenTexts() },
    month,
    papers,
  );
}

function* monthOfPapers(dice: Dice, source: SourceSet, used: Used, month: Month, count: number) {
  const ids = new MonthIds(month, source.ids);
  for (let i = 0; i < count; i += 1) {
    const template = dice.pick(source.papers);
    const primary = template.categories[0] ?? "";
    const filed = isNewStyle(month) ? { id: ids.nextNew(), category: primary } : ids.nextOld(primary);
    const categories =
      filed.category === primary ? template.categories : [filed.category, ...template.categories];
    yield makeRecord(dice, source, used, { id: filed.id, month, template, categories });
  }
}

interface Placement {
  readonly id: string;
  readonly month: Month;
  readonly template: SourcePaper;
  readonly categories: readonly string[];
}

function makeRecord(dice: Dice, source: SourceSet, used: Used, at: Placement): SnapshotRecord {
  const primary = at.template.categories[0] ?? "";
  const topic = topicOf(dice, source, at.template);
  const names = source.authorsByCategory.get(primary) ?? at.template.authors;
  const authors = recombinedAuthors(dice, names, at.template.authors.length);
  const withdrawn = dice.chance(WITHDRAWN);
  const times = versionTimes(dice, at.month, withdrawn);
  return {
    id: at.id,
    submitter: authors[0] ?? "",
    authors: authorLine(authors),
    title: wrap(recombinedTitle(dice, source, topic, used.titles), 72, "  "),
    comments: withdrawn ? "This paper has been withdrawn by the author" : at.template.comment,
    "journal-ref": journalRefOf(dice, at.month),
    doi: null,
    "report-no": null,
    categories: at.categories.join(" "),
    license: licenseOf(dice, at.month),
    abstract: `  ${wrap(recombinedAbstract(dice, topic, at.template, used.abstracts), 78, "")}\n`,
    versions: versionsOf(times),
    update_date: new Date(times.at(-1) ?? 0).toISOString().slice(0, 10),
    authors_parsed: parsedNames(authors),
  };
}

/** Writes generated records as gzip JSON lines; returns how many, calling `onProgress` as it goes. */
export async function writeRecords(
  file: string,
  records: Iterable<SnapshotRecord>,
  onProgress: (written: number) => void = () => undefined,
): Promise<number> {
  const gzip = createGzip({ level: 1 });
  const output = gzip.pipe(createWriteStream(file));
  let written = 0;
  for (const record of records) {
    if (!gzip.write(`${JSON.stringify(record)}\n`)) await once(gzip, "drain");
    written += 1;
    if (written % 50_000 === 0) onProgress(written);
  }
  gzip.end();
  await once(output, "finish");
  return written;
}
