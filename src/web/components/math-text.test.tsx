import { renderToString } from "preact-render-to-string";
import { describe, expect, it } from "vitest";
import { highlightPattern } from "./highlight.js";
import { LinkedText, MathText } from "./math-text.js";

describe("text as arXiv authors write it", () => {
  it("links bare addresses in the parsed text: never inside \\url{...} or a formula, and no brace left over", () => {
    const html = renderToString(
      <LinkedText text="See \url{https://a.org/notes}. Code at https://github.com/lab/x. Also $x_{https://b.org}$" />,
    );
    expect(html).toContain(
      'See <a href="https://a.org/notes" rel="nofollow noopener">https://a.org/notes</a>. Code',
    );
    expect(html).toContain(
      '<a href="https://github.com/lab/x" rel="nofollow noopener">https://github.com/lab/x</a>.',
    );
    expect(html).not.toContain("}.");
    expect(html).not.toContain('href="https://b.org"');
    expect(html).toContain('class="math"');
  });

  it("marks searched words inside styling and escapes what the text holds", () => {
    const html = renderToString(
      <MathText
        text="\textbf{HierBias} and \emph{<script>alert(1)</script>}"
        mark={highlightPattern(["hierbias"])}
      />,
    );
    expect(html).toBe("<strong><mark>HierBias</mark></strong> and <em>&lt;script>alert(1)&lt;/script></em>");
  });
});
