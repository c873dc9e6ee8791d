/**
 * A description from the OpenAPI document, whose Markdown marks names as `code`: the backquoted parts become
 * <code> instead of showing their backquotes. Preact escapes every part.
 */
export function CodeSpans({ text }: { readonly text: unknown }) {
  const parts = String(text ?? "").split("`");
  // An odd number of backquotes leaves the last one unpaired: it stays text.
  const paired = parts.length % 2 === 1 ? parts : [...parts.slice(0, -2), `${parts.at(-2)}\`${parts.at(-1)}`];
  return <>{paired.map((part, index) => (index % 2 === 1 ? <code key={index}>{part}</code> : part))}</>;
}
