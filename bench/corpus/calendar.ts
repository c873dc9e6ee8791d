/**
 * arXiv's new submissions per year, rounded from arXiv's own submission statistics (2026: the first half).
 * Generated papers are spread over the months in these proportions, so a corpus of any size has the real
 * archive's shape: few papers in the 1990s, most in the last decade.
 */
const YEARLY: Readonly<Record<number, number>> = {
  1991: 300,
  1992: 3_200,
  1993: 6_700,
  1994: 8_800,
  1995: 10_000,
  1996: 15_500,
  1997: 19_600,
  1998: 24_000,
  1999: 28_000,
  2000: 30_500,
  2001: 33_000,
  2002: 36_000,
  2003: 38_700,
  2004: 43_600,
  2005: 46_800,
  2006: 50_000,
  2007: 55_600,
  2008: 58_900,
  2009: 64_000,
  2010: 70_000,
  2011: 76_600,
  2012: 84_600,
  2013: 92_600,
  2014: 97_500,
  2015: 105_000,
  2016: 113_000,
  2017: 124_000,
  2018: 140_000,
  2019: 155_000,
  2020: 178_000,
  2021: 181_000,
  2022: 186_000,
  2023: 208_000,
  2024: 240_000,
  2025: 280_000,
  2026: 150_000,
};

/** arXiv opened in August 1991; the corpus ends with June 2026. */
const FIRST = { year: 1991, month: 8 };
const LAST = { year: 2026, month: 6 };

export interface Month {
  readonly year: number;
  readonly month: number;
}

/** New-style ids (YYMM.NNNN, YYMM.NNNNN from 2015) start in April 2007; before that, archive/YYMMNNN. */
export const isNewStyle = (m: Month) => m.year * 100 + m.month >= 200_704;

/** Papers one month's ids can number: 9,999 with four digits, 99,999 with five, 999 per archive before. */
export function monthCapacity(m: Month, archives: number): number {
  if (!isNewStyle(m)) return 999 * archives;
  return m.year < 2015 ? 9_999 : 99_999;
}

export function allMonths(): Month[] {
  const out: Month[] = [];
  for (let year = FIRST.year; year <= LAST.year; year += 1) {
    const from = year === FIRST.year ? FIRST.month : 1;
    const to = year === LAST.year ? LAST.month : 12;
    for (let month = from; month <= to; month += 1) out.push({ year, month });
  }
  return out;
}

function monthsIn(year: number): number {
  if (year === FIRST.year) return 13 - FIRST.month;
  return year === LAST.year ? LAST.month : 12;
}

/**
 * How many of `papers` each month gets: its share of the yearly counts, rounded by largest remainder so they add
 * up exactly; a month past its id capacity hands the rest on to the next month.
 */
export function papersPerMonth(papers: number, archives: number): Map<Month, number> {
  const months = allMonths();
  const weights = months.map((m) => (YEARLY[m.year] ?? 0) / monthsIn(m.year));
  const total = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (w / total) * papers);
  const counts = exact.map(Math.floor);
  let left = papers - counts.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0]);
  for (const [, i] of byRemainder) {
    if (left === 0) break;
    counts[i] = (counts[i] ?? 0) + 1;
    left -= 1;
  }
  const out = new Map<Month, number>();
  let carry = 0;
  months.forEach((m, i) => {
    const wanted = (counts[i] ?? 0) + carry;
    const fits = Math.min(wanted, monthCapacity(m, archives));
    carry = wanted - fits;
    out.set(m, fits);
  });
  if (carry > 0) throw new Error(`${papers} papers do not fit arXiv's id space`);
  return out;
}

export const daysIn = (m: Month) => new Date(Date.UTC(m.year, m.month, 0)).getUTCDate();
