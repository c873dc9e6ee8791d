import { daysIn, type Month } from "./calendar.js";
import type { Dice } from "./dice.js";

/** One line of the Kaggle arXiv metadata snapshot, field for field. */
export interface SnapshotRecord {
  readonly id: string;
  readonly submitter: string;
  readonly authors: string;
  readonly title: string;
  readonly comments: string | null;
  readonly "journal-ref": string | null;
  readonly doi: null;
  readonly "report-no": null;
  readonly categories: string;
  readonly license: string | null;
  readonly abstract: string;
  readonly versions: readonly { readonly version: string; readonly created: string }[];
  readonly update_date: string;
  readonly authors_parsed: readonly (readonly [string, string, string])[];
}

/** The last moment a generated version may carry: the corpus covers arXiv up to the end of June 2026. */
const END = Date.UTC(2026, 5, 30, 23, 59, 59);
const DAY_MS = 86_400_000;
const LICENSES = [
  "http://arxiv.org/licenses/nonexclusive-distrib/1.0/",
  "http://arxiv.org/licenses/nonexclusive-distrib/1.0/",
  "http://arxiv.org/licenses/nonexclusive-distrib/1.0/",
  "http://creativecommons.org/licenses/by/4.0/",
  "http://creativecommons.org/licenses/by-nc-sa/4.0/",
  "http://creativecommons.org/publicdomain/zero/1.0/",
];
const VENUES = [
  "Phys. Rev. D",
  "J. Mach. Learn. Res.",
  "IEEE Trans. Pattern Anal. Mach. Intell.",
  "Neural Comput.",
];

/** The snapshot writes dates as RFC 1123 with an unpadded day: "Mon, 2 Apr 2007 19:18:42 GMT". */
const created = (time: number) => new Date(time).toUTCString().replace(/, 0(\d)/, ", $1");

/**
 * v1 at a random moment of the id's month; each later version (a third of papers have two or more) one to 200
 * days after the one before, none past the corpus's end. A withdrawn paper's last version is its withdrawal.
 */
export function versionTimes(dice: Dice, month: Month, withdrawn: boolean): number[] {
  const first = Date.UTC(
    month.year,
    month.month - 1,
    dice.int(1, daysIn(month)),
    dice.int(0, 23),
    dice.int(0, 59),
    dice.int(0, 59),
  );
  const roll = dice.random();
  const more = (roll < 0.62 ? 0 : roll < 0.87 ? 1 : roll < 0.96 ? 2 : 3) + (withdrawn ? 1 : 0);
  const times = [first];
  for (let i = 0; i < more; i += 1) {
    const next = (times.at(-1) ?? first) + dice.int(1, 200) * DAY_MS + dice.int(0, DAY_MS - 1);
    if (next > END) break;
    times.push(next);
  }
  return times;
}

export const versionsOf = (times: readonly number[]) =>
  times.map((time, i) => ({ version: `v${i + 1}`, created: created(time) }));

/** Licences arrived in 2004; most papers keep arXiv's default. */
export function licenseOf(dice: Dice, month: Month): string | null {
  return month.year < 2004 ? null : dice.pick(LICENSES);
}

/** A fifth of papers more than a year old carry a journal reference. */
export function journalRefOf(dice: Dice, month: Month): string | null {
  if (month.year >= 2025 || !dice.chance(0.2)) return null;
  const page = dice.int(1, 9_000);
  return `${dice.pick(VENUES)} ${dice.int(1, 120)} (${month.year + 1}) ${page}-${page + dice.int(5, 30)}`;
}

/** `authors_parsed` splits a name at its last space: [last, first, suffix]. */
export function parsedNames(names: readonly string[]): [string, string, string][] {
  return names.map((name) => {
    const cut = name.lastIndexOf(" ");
    return [name.slice(cut + 1), cut > 0 ? name.slice(0, cut) : "", ""];
  });
}

/** The snapshot's author list: commas, with "and" before the last name. */
export function authorLine(names: readonly string[]): string {
  if (names.length < 2) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}
