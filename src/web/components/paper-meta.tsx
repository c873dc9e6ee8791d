import { type PaperSummary, totalUpvotes } from "../../core/paper.js";

export function AuthorList({
  authors,
  limit,
}: {
  readonly authors: readonly string[];
  readonly limit?: number;
}) {
  const shown = limit && authors.length > limit ? authors.slice(0, limit) : authors;
  const rest = authors.length - shown.length;
  return (
    <>
      {shown.join(", ")}
      {rest > 0 ? ` and ${rest} more` : null}
    </>
  );
}

/** Where a category links: the search for its papers (`cat:` filter), which every list shares. */
export function categoryHref(category: string): string {
  return `/search?q=${encodeURIComponent(`cat:${category}`)}`;
}

export function CategoryList({ categories }: { readonly categories: readonly string[] }) {
  if (categories.length === 0) return null;
  return (
    <ul class="categories" aria-label="Categories">
      {categories.map((category) => (
        <li key={category}>
          <a href={categoryHref(category)}>{category}</a>
        </li>
      ))}
    </ul>
  );
}

function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString("en-US")} ${count === 1 ? one : many}`;
}

/** Upvotes here plus those counted on Hugging Face, as one number. */
export function UpvoteCount({
  paper,
}: {
  readonly paper: Pick<PaperSummary, "upvotes" | "externalUpvotes">;
}) {
  return <span class="upvote-count">▲ {plural(totalUpvotes(paper), "upvote", "upvotes")}</span>;
}

export function CommentCount({ id, count }: { readonly id: string; readonly count: number }) {
  return (
    <a class="comment-count" href={`/papers/${id}#comments`}>
      {plural(count, "comment", "comments")}
    </a>
  );
}
