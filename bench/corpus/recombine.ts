import type { Dice } from "./dice.js";
import type { SeenTexts } from "./seen-texts.js";
import type { SourcePaper, SourceSet, TitlePool } from "./source-papers.js";
import type { Topic } from "./topic.js";

/** Draws within the topic before falling back to every title, then to a numbered part. */
const DRAWS = 20;

/**
 * A title never used before: one real title's head and another's tail after the same joint ("X: Y",
 * "X for Y"), both from the topic while it has titles to give, else from any category.
 */
export function recombinedTitle(dice: Dice, source: SourceSet, topic: Topic, seen: SeenTexts): string {
  for (let draw = 0; draw < 2 * DRAWS; draw += 1) {
    const pool: TitlePool = draw < DRAWS && topic.titles.all.length > 1 ? topic.titles : source.titles;
    const head = dice.pick(pool.all);
    const tail = dice.pick(pool.tails.get(head.joint) ?? [head]);
    const title = `${head.head}${head.joint}${tail.tail}`;
    if (seen.add(title)) return title;
  }
  const base = `${dice.pick(source.titles.all).head}: Part`;
  for (let part = 2; ; part += 1) if (seen.add(`${base} ${part}`)) return `${base} ${part}`;
}

/**
 * An abstract never used before, as long as the template's: sentence j comes from a random paper of the topic,
 * from the same relative place in it (openings stay openings, conclusions stay conclusions). Past the first
 * draws, each further draw adds a sentence.
 */
export function recombinedAbstract(dice: Dice, topic: Topic, template: SourcePaper, seen: SeenTexts): string {
  const length = template.sentences.length;
  for (let draw = 0; ; draw += 1) {
    const count = length + Math.max(0, draw - DRAWS);
    const picked = Array.from({ length: count }, (_, j) => {
      const donor = dice.pick(topic.papers).sentences;
      const place =
        count === 1 ? dice.int(0, donor.length - 1) : Math.round((j / (count - 1)) * (donor.length - 1));
      return donor[place] ?? "";
    });
    const text = picked.join(" ");
    if (seen.add(text)) return text;
  }
}

/** As many real names as the template has authors, drawn from the category's signers, none twice. */
export function recombinedAuthors(dice: Dice, names: readonly string[], count: number): string[] {
  const chosen = new Set<string>();
  for (let draw = 0; chosen.size < count && draw < count * 4; draw += 1) chosen.add(dice.pick(names));
  return [...chosen];
}
