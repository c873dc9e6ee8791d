/**
 * Titles that lost words on their way here. The shared arXiv listing corpus holds records whose title lost a
 * phrase in the middle ("Cross-Modal Hierarchical Fusion for from Multi-Sensor Ground Observation", "Scalable
 * Behaviour Cloning on Browser Using via Skill Distillation"): the gap leaves two prepositions side by side that
 * no title puts together. Phrases that do put them together are left alone: "for in-the-wild", "via On-line",
 * "Try-On with", "Tool-Using with", "with and without", "From and To".
 */
const GAP = /(?<![-\w])(for|from|via|using|towards|into)\s+(for|from|via|of|with|by|into|towards)\b(?!-)/i;

/** The two words around the gap when a title lost words between them, else null. */
export function titleGap(title: string): readonly [string, string] | null {
  const match = GAP.exec(title);
  return match?.[1] && match[2] ? [match[1], match[2]] : null;
}
