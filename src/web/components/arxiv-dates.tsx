import { arxivDates } from "../../core/arxiv-dates.js";
import { arxivAbsUrl } from "../../core/arxiv-id.js";
import type { Paper } from "../../core/paper.js";

const day = new Intl.DateTimeFormat("en-US", {
  year: "numeric",
  month: "long",
  day: "numeric",
  timeZone: "UTC",
});
const month = new Intl.DateTimeFormat("en-US", { year: "numeric", month: "long", timeZone: "UTC" });

function DateOf({ instant }: { readonly instant: string }) {
  return <time datetime={instant}>{day.format(new Date(instant))}</time>;
}

/** "Submitted to arXiv on ... (v1) · latest: v3 of ...", or the id's month when the record has no dates. */
export function ArxivDates({ paper }: { readonly paper: Paper }) {
  const dates = arxivDates(paper);
  if (dates.firstSubmitted) {
    return (
      <p class="arxiv-dates">
        Submitted to arXiv on <DateOf instant={dates.firstSubmitted} /> (v1)
        {dates.latest ? (
          <>
            {" · latest: "}
            <a href={`${arxivAbsUrl(paper.id)}v${dates.latest.version}`}>v{dates.latest.version}</a> of{" "}
            <DateOf instant={dates.latest.submitted} />
          </>
        ) : null}
      </p>
    );
  }
  if (!dates.idMonth) return null;
  return (
    <p class="arxiv-dates">
      Submitted to arXiv in{" "}
      <time datetime={dates.idMonth}>{month.format(new Date(`${dates.idMonth}-01T00:00:00Z`))}</time> (from
      its id; <a href={arxivAbsUrl(paper.id)}>versions on arXiv</a>)
    </p>
  );
}
