import MarkdownIt from "markdown-it";

/**
 * The small Markdown subset comments may use: paragraphs, line breaks, emphasis, strike-through, code, lists,
 * block quotes and links. Raw HTML is off (written HTML shows as text), images and headings are not enabled,
 * links only go to http(s) and mailto, and every link carries rel="nofollow ugc noopener".
 */
const markdown = new MarkdownIt("zero", {
  html: false,
  linkify: true,
  breaks: true,
  typographer: false,
}).enable([
  "paragraph",
  "newline",
  "emphasis",
  "strikethrough",
  "backticks",
  "code",
  "fence",
  "list",
  "blockquote",
  "link",
  "linkify",
  "autolink",
  "escape",
  "entity",
]);

const SAFE_LINK = /^(https?:|mailto:)/i;
markdown.validateLink = (url: string) => SAFE_LINK.test(url.trim());

markdown.renderer.rules.link_open = (tokens, index, options, _env, self) => {
  const token = tokens[index];
  if (token) token.attrSet("rel", "nofollow ugc noopener");
  return self.renderToken(tokens, index, options);
};

// markdown-it stops rendering past its nesting limit and drops the text there; quotes deeper than this are
// flattened to this depth instead, so "> > > ... x" keeps its x.
const MAX_QUOTE_DEPTH = 5;
const DEEP_QUOTE = new RegExp(`^((?:[ \\t]*>){${MAX_QUOTE_DEPTH}})(?:[ \\t]*>)+`);

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** Flattens deep quote markers outside fenced code (where ">>>>>>> branch" is text to keep as written). */
function flattenDeepQuotes(text: string): string {
  let fence: string | null = null;
  return text
    .split("\n")
    .map((line) => {
      const marker = FENCE.exec(line)?.[1];
      if (marker && (fence === null || marker.startsWith(fence))) {
        fence = fence === null ? marker : null;
        return line;
      }
      return fence === null ? line.replace(DEEP_QUOTE, "$1") : line;
    })
    .join("\n");
}

/** HTML for a comment body; safe to insert as-is. */
export function renderCommentMarkdown(text: string): string {
  return markdown.render(flattenDeepQuotes(text));
}
