/**
 * Author names folded so that the ways one person's name is written meet, without merging different people.
 *
 * The rule: letters lose their accents and case (Müller, MÜLLER, Muller) and punctuation goes (O'Brien, OBrien);
 * the last word is the surname, with particles before it glued on (Le Cun = LeCun, van der Berg =
 * vanderBerg) and suffixes such as Jr. or III dropped; "Surname, Given" is turned round. Given names are
 * compared by their first word only: two full first names must be equal, while an initial matches any first
 * name with that letter (Y. LeCun meets Yann LeCun; Yann LeCun does not meet Yves LeCun). Middle names are
 * ignored. Names in other orders (Wang Yi for Yi Wang) are not folded together.
 */
export interface FoldedName {
  /** Folded given names, in order ("j", "yann"). */
  readonly given: readonly string[];
  /** Folded surname with its particles ("lecun", "vanderberg"); empty when the name has no letters. */
  readonly surname: string;
}

const PARTICLES = new Set([
  "van",
  "von",
  "de",
  "der",
  "den",
  "del",
  "della",
  "di",
  "da",
  "du",
  "la",
  "le",
  "dos",
  "das",
  "ter",
  "ten",
]);
const SUFFIXES = new Set(["jr", "sr", "ii", "iii", "iv"]);
const LETTERS: Record<string, string> = {
  ß: "ss",
  æ: "ae",
  œ: "oe",
  ø: "o",
  ł: "l",
  đ: "d",
  ð: "d",
  þ: "th",
  ı: "i",
};

/** Lower case, no accents, letters and digits only. */
function plain(word: string): string {
  return word
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/g, (c) => LETTERS[c] ?? c)
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[^a-z0-9]/g, "");
}

function words(name: string): string[] {
  const comma = name.indexOf(",");
  const ordered = comma > 0 ? `${name.slice(comma + 1)} ${name.slice(0, comma)}` : name;
  const split = ordered.split(/\s+/).filter((w) => plain(w) !== "");
  while (split.length > 1 && SUFFIXES.has(plain(split.at(-1) ?? ""))) split.pop();
  return split;
}

const isParticle = (word: string) => PARTICLES.has(plain(word));

export function foldAuthorName(name: string): FoldedName {
  const all = words(name.normalize("NFC"));
  let start = all.length - 1;
  // The first word always stays a given name: "Van Morrison" is Van, Morrison.
  while (start > 1 && isParticle(all[start - 1] ?? "")) start -= 1;
  const surname = all.slice(Math.max(0, start)).map(plain).join("");
  const given = all
    .slice(0, Math.max(0, start))
    .flatMap((word) => word.split(/[.\-‐]+/))
    .map(plain)
    .filter((g) => g !== "");
  return { given, surname };
}

/** The folded name as one string, as follows store it ("yann lecun"); folding it again gives it back. */
export function authorKey(name: string): string {
  const { given, surname } = foldAuthorName(name);
  return [...given, surname].join(" ");
}

/** The part of a folded name an index can look up: the surname and the first initial ("lecun y"). */
export function authorIndexKey(name: string): string {
  const { given, surname } = foldAuthorName(name);
  const initial = given[0]?.[0];
  return initial ? `${surname} ${initial}` : surname;
}

/** Whether two names may be the same person under the rule above. */
export function sameAuthor(a: FoldedName, b: FoldedName): boolean {
  if (a.surname === "" || a.surname !== b.surname) return false;
  const first = a.given[0];
  const other = b.given[0];
  if (first === undefined || other === undefined) return first === other;
  if (first.length === 1 || other.length === 1) return first[0] === other[0];
  return first === other;
}
