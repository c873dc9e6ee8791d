/** A person's name as reference formats want it: family name apart from given names. */
export interface PersonName {
  readonly family: string;
  readonly given: string;
}

// Lower-case words that belong to the family name when they come before it ("van der Waals").
const PARTICLES = new Set([
  "van",
  "von",
  "der",
  "den",
  "de",
  "del",
  "della",
  "di",
  "da",
  "dos",
  "du",
  "la",
  "le",
]);

/**
 * arXiv gives names as one string ("Ada Lovelace", "Johannes van der Waals"); the last word, with the particles
 * before it, is taken as the family name. A single word is a family name alone (a collaboration, say).
 */
export function splitName(full: string): PersonName {
  const words = full.trim().split(/\s+/).filter(Boolean);
  if (words.length <= 1) return { family: words[0] ?? "", given: "" };
  let start = words.length - 1;
  while (start > 1 && PARTICLES.has(words[start - 1] ?? "")) start -= 1;
  return { family: words.slice(start).join(" "), given: words.slice(0, start).join(" ") };
}
