import type { SearchList } from "../../lists/search.js";
import { positiveWords } from "../../search/query/tree.js";
import { withParameter } from "../address.js";

const count = (n: number) => `${n.toLocaleString("en-US")} ${n === 1 ? "paper" : "papers"}`;

/** Plain words of the query that keyword search left out as common (or stop) words. */
function leftOut(list: SearchList): string[] {
  const kept = new Set(list.words.map((w) => w.toLowerCase()));
  return positiveWords(list.query).flatMap((w) =>
    w.kind === "word" && !kept.has(w.text.toLowerCase()) ? [w.text] : [],
  );
}

/**
 * What the search found, in words that hold: how many papers match (hold every word), or that none does; what
 * follows the matches (papers with some of the words, papers near in meaning) is said apart and labelled on
 * each result. Semantic search ranks by meaning and claims no matches.
 */
export function SearchSummary({ list }: { readonly list: SearchList }) {
  // An arXiv id names one paper: the page goes there, or says it is not on this instance.
  if (list.query.arxivId) return null;
  const quoted = <q>{list.query.raw}</q>;
  if (list.matched === null) {
    return list.papers.length === 0 ? null : (
      <p class="result-count" role="status">
        Papers nearest in meaning to {quoted} (semantic search ranks by meaning and counts no matches)
      </p>
    );
  }
  const skipped = leftOut(list);
  const kinds = new Set(list.kinds.values());
  return (
    <>
      <p class="result-count" role="status">
        {list.matched === 0 ? (
          <>No paper contains {quoted}</>
        ) : (
          <>
            {list.rankedNewest !== null ? "At least " : null}
            {count(list.matched)} {list.matched === 1 && list.rankedNewest === null ? "matches" : "match"}{" "}
            {quoted}
          </>
        )}
        {list.matched > 0 && skipped.length > 0 ? ` (common words left out: ${skipped.join(", ")})` : null}
      </p>
      {list.rankedNewest !== null && list.sort === "relevance" ? (
        <p class="result-note">
          Too many to weigh them all: the most relevant of the newest{" "}
          {list.rankedNewest.toLocaleString("en-US")} come first. Add a word, a category or a date range to
          reach older ones.
        </p>
      ) : null}
      {kinds.has("partial") || kinds.has("related") ? (
        <p class="result-note">
          {list.matched === 0 ? "Instead: " : "After them: "}
          {kinds.has("partial") ? "papers with some of the words" : null}
          {kinds.has("partial") && kinds.has("related") ? " and " : null}
          {kinds.has("related") ? "papers related in meaning" : null}, each labelled.
        </p>
      ) : null}
    </>
  );
}

/** Most relevant first or newest first; semantic search only ranks by meaning. */
export function SortChoice({ list }: { readonly list: SearchList }) {
  if (list.mode === "semantic" || list.papers.length === 0) return null;
  const choices = [
    { sort: "relevance", label: "most relevant" },
    { sort: "date", label: "newest first" },
  ] as const;
  return (
    <p class="sort">
      Sort:{" "}
      {choices.map(({ sort, label }, index) => (
        <>
          {index > 0 ? " · " : null}
          {sort === list.sort ? (
            <strong>{label}</strong>
          ) : (
            <a href={withParameter(list.pagePath, "sort", sort === "date" ? sort : null)}>{label}</a>
          )}
        </>
      ))}
    </p>
  );
}
