export interface Citation {
  /** BibTeX, RIS, ... */
  readonly label: string;
  readonly text: string;
  /** Where the same text downloads as a file. */
  readonly href: string;
}

/**
 * The paper's citation in each format, ready to select or copy (public/copy.js makes the copy buttons work and
 * shows them; without JavaScript the text is still there to select, and each format downloads as a file).
 */
export function CiteBox({ citations }: { readonly citations: readonly Citation[] }) {
  return (
    <section id="cite" class="cite-box" aria-labelledby="cite-heading">
      <h2 id="cite-heading">Cite</h2>
      {citations.map((citation, index) => (
        <details key={citation.label} open={index === 0}>
          <summary>{citation.label}</summary>
          <pre id={`cite-${index}`}>{citation.text}</pre>
          <p class="cite-actions">
            <button type="button" class="copy-button" data-copy={`cite-${index}`} hidden>
              Copy {citation.label}
            </button>{" "}
            <a href={citation.href} download="">
              Download
            </a>
          </p>
        </details>
      ))}
    </section>
  );
}
