import type { PaperSummary } from "../../storage/papers.js";
import { AuthorList, CategoryList } from "./paper-meta.js";

export function PaperCard({ paper }: { readonly paper: PaperSummary }) {
  return (
    <article class="paper-card" id={`paper-${paper.id}`}>
      <h2 class="paper-title">
        <a href={`/papers/${paper.id}`}>{paper.title}</a>
      </h2>
      <p class="paper-authors">
        <AuthorList authors={paper.authors} limit={12} />
      </p>
      <CategoryList categories={paper.categories} />
      <p class="paper-abstract">{paper.abstract}</p>
    </article>
  );
}
