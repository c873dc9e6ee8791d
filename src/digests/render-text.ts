import { shortenTex } from "../core/tex-cut.js";
import { plainOf, plainTexText } from "../core/tex-text.js";
import { collapseWhitespace } from "../core/text.js";
import {
  ABSTRACT_CHARS,
  authorLine,
  type Digest,
  type DigestItem,
  type DigestLinks,
  digestSections,
  paperUrls,
  periodLabel,
  periodPageUrl,
} from "./digest.js";

// Papers repeat across a run's digests (the builder shares their objects): their text is made once.
const paperText = new WeakMap<object, string>();

function paperBlock(paper: DigestItem["paper"], baseUrl: string): string {
  let text = paperText.get(paper);
  if (text === undefined) {
    const urls = paperUrls(baseUrl, paper.id);
    text = [
      plainTexText(collapseWhitespace(paper.title)),
      `   ${authorLine(paper.authors)}`,
      `   ${plainOf(shortenTex(collapseWhitespace(paper.abstract), ABSTRACT_CHARS))}`,
      `   Read: ${urls.page}`,
      `   arXiv: ${urls.arxiv}  PDF: ${urls.pdf}`,
    ].join("\n");
    paperText.set(paper, text);
  }
  return text;
}

/** The plain-text part: readable as is, every link on its own line. */
export function renderDigestText(digest: Digest, links: DigestLinks): string {
  const heading = `Paperboy: ${periodLabel(digest.period)}`;
  let number = 0;
  const sections = digestSections(digest).map(({ title, items }) => {
    const blocks = items.map((item) => {
      number += 1;
      return [`${number}. ${paperBlock(item.paper, links.baseUrl)}`, `   (${item.because})`].join("\n");
    });
    return [...(title ? [title, "-".repeat(title.length), ""] : []), blocks.join("\n\n")].join("\n");
  });
  return [
    heading,
    "=".repeat(heading.length),
    "",
    sections.join("\n\n"),
    "",
    `The whole list: ${periodPageUrl(links.baseUrl, digest.period)}`,
    "",
    "--",
    `Change what you get: ${links.preferences}`,
    `Your personal feed: ${links.feed}`,
    `Unsubscribe: ${links.unsubscribe}`,
    "",
  ].join("\n");
}
