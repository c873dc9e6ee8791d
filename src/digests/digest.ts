import type { PaperSummary } from "../core/paper.js";
import type { Period } from "../core/periods.js";

/** One digest: what one subscription gets for one period. */
export interface Digest {
  readonly email: string;
  readonly period: Period;
  readonly items: readonly DigestItem[];
}

export interface DigestItem {
  readonly paper: PaperSummary;
  readonly because: string;
  /** Picked by the follow `for-you`: shown in the digest's own "For you" section, first. */
  readonly forYou?: boolean;
}

/** A digest's items in sections: For you first, then the other follows; one untitled section without For you. */
export function digestSections(digest: Digest): { title: string | null; items: DigestItem[] }[] {
  const forYou = digest.items.filter((item) => item.forYou);
  if (forYou.length === 0) return [{ title: null, items: [...digest.items] }];
  const others = digest.items.filter((item) => !item.forYou);
  const rest = others.length > 0 ? [{ title: "From what you follow", items: others }] : [];
  return [{ title: "For you", items: forYou }, ...rest];
}

/** Absolute links a digest carries. */
export interface DigestLinks {
  readonly baseUrl: string;
  readonly preferences: string;
  readonly unsubscribe: string;
  readonly feed: string;
}

const dayFormat = new Intl.DateTimeFormat("en-US", {
  month: "long",
  day: "numeric",
  year: "numeric",
  timeZone: "UTC",
});
const shortDay = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" });

const labels = new Map<string, string>();

/** "June 26, 2026" for a day, "Jun 22 – Jun 28, 2026" for a week. */
export function periodLabel(period: Period): string {
  let label = labels.get(period.key);
  if (label === undefined) {
    label = formatPeriod(period);
    labels.set(period.key, label);
  }
  return label;
}

function formatPeriod(period: Period): string {
  const first = new Date(`${period.first}T00:00:00Z`);
  if (period.kind === "day") return dayFormat.format(first);
  const last = new Date(`${period.last}T00:00:00Z`);
  return `${shortDay.format(first)} – ${dayFormat.format(last).replace(/^\w+ /, `${shortDay.format(last).split(" ")[0]} `)}`;
}

export function digestSubject(digest: Digest): string {
  const count = digest.items.length;
  const papers = `${count} ${count === 1 ? "paper" : "papers"}`;
  const kind = digest.period.kind === "day" ? "daily" : "weekly";
  return `Paperboy ${kind} digest, ${periodLabel(digest.period)}: ${papers}`;
}

/** The web page of the list the digest comes from. */
export function periodPageUrl(baseUrl: string, period: Period): string {
  return period.kind === "day"
    ? `${baseUrl}/papers/date/${period.key}`
    : `${baseUrl}/papers/week/${period.key}`;
}

export function paperUrls(baseUrl: string, id: string) {
  return {
    page: `${baseUrl}/papers/${id}`,
    arxiv: `https://arxiv.org/abs/${id}`,
    pdf: `https://arxiv.org/pdf/${id}`,
  };
}

export const ABSTRACT_CHARS = 320;
export const AUTHORS_SHOWN = 6;

export function authorLine(authors: readonly string[]): string {
  if (authors.length <= AUTHORS_SHOWN) return authors.join(", ");
  return `${authors.slice(0, AUTHORS_SHOWN).join(", ")} and ${authors.length - AUTHORS_SHOWN} more`;
}
