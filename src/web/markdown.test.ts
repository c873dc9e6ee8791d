import { describe, expect, it } from "vitest";
import { renderCommentMarkdown } from "./markdown.js";

describe("comment Markdown", () => {
  it("renders the subset", () => {
    expect(renderCommentMarkdown("Nice *result*, see `eq. 3`.\n\n- one\n- two")).toBe(
      "<p>Nice <em>result</em>, see <code>eq. 3</code>.</p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n",
    );
  });
  it("marks links nofollow ugc", () => {
    expect(renderCommentMarkdown("[code](https://github.com/x/y) and https://example.org")).toBe(
      '<p><a href="https://github.com/x/y" rel="nofollow ugc noopener">code</a> and <a href="https://example.org" rel="nofollow ugc noopener">https://example.org</a></p>\n',
    );
  });
  it.each([
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[click](javascript:alert(1))",
    "[click](JAVASCRIPT:alert(1))",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "![img](https://example.org/x.png)",
    '<a href="https://evil.example" onclick="alert(1)">x</a>',
  ])("never lets %j through as markup", (text) => {
    const html = renderCommentMarkdown(text);
    // Written markup may show as text; what must never appear is a real tag, a handler attribute or a bad URL.
    expect(html).not.toMatch(/<script|<img|<[a-z][^>]*\son\w+=|href="(javascript|data):/i);
  });
  it("shows written HTML as text", () => {
    expect(renderCommentMarkdown("<b>bold</b>")).toBe("<p>&lt;b&gt;bold&lt;/b&gt;</p>\n");
  });
  it("keeps the text of quotes nested deeper than it shows", () => {
    const html = renderCommentMarkdown(`${"> ".repeat(2000)}the point`);
    expect(html).toContain("the point");
    expect(html.match(/<blockquote>/g)).toHaveLength(5);
    expect(renderCommentMarkdown("```\n>>>>>>> main\n```")).toContain("&gt;&gt;&gt;&gt;&gt;&gt;&gt; main");
    expect(renderCommentMarkdown("> > quoted twice")).toBe(
      "<blockquote>\n<blockquote>\n<p>quoted twice</p>\n</blockquote>\n</blockquote>\n",
    );
  });
});
