import type { ComponentChildren } from "preact";
import type { PaperSummary } from "../../core/paper.js";
import { splitAbstractStart } from "./abstract-start.js";
import { AuthorLinks } from "./author-links.js";
import { MathText, TexText } from "./math-text.js";
import { categoryHref } from "./paper-meta.js";
import { type PaperMarks, SignalActions } from "./signal-actions.js";

/** Authors a compact row names before "and N more". */
const ROW_AUTHORS = 4;

export interface TriageRowProps {
  readonly paper: PaperSummary;
  readonly marks: PaperMarks;
  /** What the list says about the paper (For you's reasons), above its signals. */
  readonly children?: ComponentChildren;
}

/**
 * One paper as a compact row of the triage view: title, authors, categories, the start of the abstract (which
 * opens in place, without JavaScript), and the signals. keys.js moves between `data-paper` elements.
 */
export function TriageRow({ paper, marks, children }: TriageRowProps) {
  const slug = paper.id.replace("/", "-");
  const [start, rest] = splitAbstractStart(paper.abstract);
  return (
    <article
      class={marks.notInterested ? "triage-row is-dismissed" : "triage-row"}
      id={`paper-${paper.id}`}
      data-paper={paper.id}
      aria-labelledby={`title-${slug}`}
    >
      <h2 class="triage-title" id={`title-${slug}`}>
        <a href={`/papers/${paper.id}`} data-paper-link="">
          <MathText text={paper.title} />
        </a>
      </h2>
      <p class="triage-authors">
        <AuthorLinks authors={paper.authors} limit={ROW_AUTHORS} />
      </p>
      <ul class="categories triage-categories" aria-label="Categories">
        {paper.categories.map((category) => (
          <li key={category}>
            <a href={categoryHref(category)}>{category}</a>
          </li>
        ))}
      </ul>
      {rest.length === 0 ? (
        <p class="triage-abstract">
          <TexText nodes={start} />
        </p>
      ) : (
        <details class="triage-abstract">
          <summary>
            <TexText nodes={start} />
            <span class="more"> … more</span>
          </summary>
          <p>
            <TexText nodes={rest} />
          </p>
        </details>
      )}
      {children}
      <SignalActions paper={paper} marks={marks} />
    </article>
  );
}
