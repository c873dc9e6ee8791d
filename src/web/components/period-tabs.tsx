import type { Day } from "../../core/listing-day.js";
import { monthOf, type Period, weekOf } from "../../core/periods.js";

type PeriodKind = Period["kind"];

const TABS: readonly { kind: PeriodKind; label: string }[] = [
  { kind: "day", label: "Daily" },
  { kind: "week", label: "Weekly" },
  { kind: "month", label: "Monthly" },
];

/** The address of the day, week or month holding `day`. */
export function periodHref(kind: PeriodKind, day: Day): string {
  if (kind === "day") return `/papers/date/${day}`;
  return `/papers/${kind}/${(kind === "week" ? weekOf(day) : monthOf(day)).key}`;
}

/**
 * Daily / Weekly / Monthly, as on Hugging Face: each tab leads to the period of its kind that holds `day` (the
 * day shown, or the latest day with papers of the week or month shown).
 */
export function PeriodTabs({ current, day }: { readonly current: PeriodKind; readonly day: Day }) {
  return (
    <nav class="period-tabs" aria-label="Period">
      {TABS.map(({ kind, label }) => (
        <a key={kind} href={periodHref(kind, day)} aria-current={kind === current ? "page" : undefined}>
          {label}
        </a>
      ))}
    </nav>
  );
}
