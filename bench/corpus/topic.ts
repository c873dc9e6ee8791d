import type { Dice } from "./dice.js";
import { type SourcePaper, type SourceSet, type TitlePool, topicKey } from "./source-papers.js";

/** A topic needs this many papers to lend sentences and titles; smaller ones fall back to the category. */
const MIN_TOPIC = 20;

/** The papers a generated paper borrows from, and their title parts. */
export interface Topic {
  readonly papers: readonly SourcePaper[];
  readonly titles: TitlePool;
}

/**
 * The topic a generated paper is about: one of its template's title words with at least MIN_TOPIC papers in
 * the template's primary category, so that its sentences and title come from papers on one subject (as a real
 * abstract's do); the whole category when no word has enough.
 */
export function topicOf(dice: Dice, source: SourceSet, template: SourcePaper): Topic {
  const primary = template.categories[0] ?? "";
  const keys = template.words
    .map((word) => topicKey(primary, word))
    .filter((key) => (source.byTopic.get(key)?.length ?? 0) >= MIN_TOPIC);
  const key = keys.length > 0 ? dice.pick(keys) : primary;
  const papers =
    (keys.length > 0 ? source.byTopic.get(key) : source.byCategory.get(primary)) ?? source.papers;
  return { papers, titles: source.titlePool(key, papers) };
}
