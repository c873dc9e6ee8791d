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

export function CategoryList({ categories }: { readonly categories: readonly string[] }) {
  if (categories.length === 0) return null;
  return (
    <ul class="categories" aria-label="Categories">
      {categories.map((category) => (
        <li key={category}>{category}</li>
      ))}
    </ul>
  );
}
