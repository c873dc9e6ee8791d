/** An author's page: their name as written, in the path (`/authors/Yann%20LeCun`). */
export function authorHref(name: string): string {
  return `/authors/${encodeURIComponent(name)}`;
}

/** Authors as links to their pages, the first `limit` of them and a count of the rest. */
export function AuthorLinks({
  authors,
  limit,
}: {
  readonly authors: readonly string[];
  readonly limit: number;
}) {
  const shown = authors.length > limit ? authors.slice(0, limit) : authors;
  const rest = authors.length - shown.length;
  return (
    <>
      {shown.map((name, index) => (
        <span key={name}>
          {index > 0 ? ", " : ""}
          <a href={authorHref(name)}>{name}</a>
        </span>
      ))}
      {rest > 0 ? ` and ${rest} more` : null}
    </>
  );
}
