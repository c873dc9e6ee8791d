import { arxivAbsUrl, arxivPdfUrl } from "../../core/arxiv-id.js";
import type { Paper } from "../../core/paper.js";
import { paperLinks } from "../../core/paper-links.js";

/**
 * What a researcher opens first, at the top of the paper page: arXiv, the PDF, and the code and project page the
 * authors named in their comment or abstract.
 */
export function PaperActions({ paper }: { readonly paper: Paper }) {
  const links = paperLinks(paper.comment, paper.abstract);
  return (
    <nav class="paper-actions" aria-label="Open the paper">
      <a class="button" href={arxivAbsUrl(paper.id)}>
        arXiv
      </a>
      <a class="button" href={arxivPdfUrl(paper.id)}>
        PDF
      </a>
      {links.codeRepo ? (
        <a class="button" href={links.codeRepo} rel="nofollow noopener">
          Code
        </a>
      ) : null}
      {links.projectPage ? (
        <a class="button" href={links.projectPage} rel="nofollow noopener">
          Project page
        </a>
      ) : null}
      <a class="button" href="#cite">
        Cite
      </a>
    </nav>
  );
}
