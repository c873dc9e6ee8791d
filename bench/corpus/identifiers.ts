import type { Month } from "./calendar.js";

/**
 * Archives that had old-style ids, each with a category to give papers filed under it. A paper keeps its own
 * archive when that existed before April 2007 and still has numbers left that month; otherwise it goes to the
 * first of these with room (the shared corpus is almost all cs, while the old archive was mostly physics).
 */
export const OLD_ARCHIVES: readonly (readonly [archive: string, category: string])[] = [
  ["cs", "cs.LG"],
  ["math", "math.CO"],
  ["physics", "physics.data-an"],
  ["stat", "stat.ML"],
  ["q-bio", "q-bio.NC"],
  ["hep-th", "hep-th"],
  ["hep-ph", "hep-ph"],
  ["astro-ph", "astro-ph"],
  ["cond-mat", "cond-mat.stat-mech"],
  ["quant-ph", "quant-ph"],
  ["gr-qc", "gr-qc"],
  ["math-ph", "math-ph"],
  ["nlin", "nlin.AO"],
  ["nucl-th", "nucl-th"],
  ["hep-ex", "hep-ex"],
  ["hep-lat", "hep-lat"],
];

const two = (n: number) => String(n % 100).padStart(2, "0");

/** Hands out one month's ids in order, skipping ids the real source papers have (they stay free to import). */
export class MonthIds {
  private serial = 0;
  private readonly oldSerials = new Map<string, number>();

  constructor(
    private readonly month: Month,
    private readonly taken: ReadonlySet<string>,
  ) {}

  /** The next new-style id: YYMM.NNNN up to 2014, YYMM.NNNNN from 2015. */
  nextNew(): string {
    const digits = this.month.year < 2015 ? 4 : 5;
    for (;;) {
      this.serial += 1;
      const id = `${two(this.month.year)}${two(this.month.month)}.${String(this.serial).padStart(digits, "0")}`;
      if (!this.taken.has(id)) return id;
    }
  }

  /**
   * The next old-style id for a paper of `category`, and the category it is filed under: its own archive's when
   * that archive existed and has numbers left, else the first archive with room.
   */
  nextOld(category: string): { id: string; category: string } {
    const own = category.split(".")[0] ?? "";
    const choices = [...OLD_ARCHIVES.filter(([archive]) => archive === own), ...OLD_ARCHIVES];
    for (const [archive, fallback] of choices) {
      const used = this.oldSerials.get(archive) ?? 0;
      if (used >= 999) continue;
      this.oldSerials.set(archive, used + 1);
      const serial = String(used + 1).padStart(3, "0");
      const id = `${archive}/${two(this.month.year)}${two(this.month.month)}${serial}`;
      return { id, category: archive === own ? category : fallback };
    }
    throw new Error(`no old-style ids left in ${this.month.year}-${this.month.month}`);
  }
}
