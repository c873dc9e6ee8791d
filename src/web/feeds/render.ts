import { Feed, type Item } from "feed";
import type { PaperSummary } from "../../core/paper.js";
import { plainTexText, texToHtml } from "../../core/tex-text.js";
import { collapseWhitespace, escapeHtml } from "../../core/text.js";
import type { PaperList } from "../../lists/paper-list.js";
import { type FeedExtension, feedHref } from "../components/feed-links.js";

export const CONTENT_TYPES: Record<FeedExtension, string> = {
  rss: "application/rss+xml; charset=utf-8",
  atom: "application/atom+xml; charset=utf-8",
  json: "application/feed+json; charset=utf-8",
};

/**
 * Papers have no featuring time in lists, so an item's date is its listing day (else the arXiv day that
 * announced it): stable across requests.
 */
function paperDate(paper: PaperSummary): Date {
  const day = paper.listingDay ?? paper.arxivDay ?? paper.published?.slice(0, 10) ?? "1970-01-01";
  return new Date(`${day}T00:00:00Z`);
}

/** The feed's date: its newest item's, or for an empty feed the start of `now`'s day (stable all day). */
function feedDate(papers: readonly PaperSummary[], now: Date): Date {
  if (papers.length === 0) return new Date(`${now.toISOString().slice(0, 10)}T00:00:00Z`);
  return new Date(Math.max(...papers.map((paper) => paperDate(paper).getTime())));
}

function item(baseUrl: string, paper: PaperSummary, extension: FeedExtension): Item {
  const url = `${baseUrl}/papers/${paper.id}`;
  const title = plainTexText(collapseWhitespace(paper.title));
  return {
    // Atom titles are declared HTML by the library; JSON Feed titles are plain text. RSS titles go in as an
    // extension element of escaped text: the library writes them in CDATA and escapes only the first `]]>`.
    title: extension === "atom" ? escapeHtml(title) : extension === "rss" ? "" : title,
    ...(extension === "rss" ? { extensions: [{ name: "title", objects: { _text: title } }] } : {}),
    id: url,
    guid: url,
    link: url,
    date: paperDate(paper),
    description: `<p>${escapeHtml(paper.authors.join(", "))}</p><p>${texToHtml(collapseWhitespace(paper.abstract))}</p>`,
    category: paper.categories.map((name) => ({ name, term: name })),
    // RSS 2.0 wants an email address in <author>, so names go in the description only.
    ...(extension === "rss" ? {} : { author: paper.authors.map((name) => ({ name })) }),
  };
}

/** One list as a feed: the papers of its first page, linked to the page that shows the same list. */
export function renderFeed(baseUrl: string, list: PaperList, extension: FeedExtension, now: Date): string {
  const self = (ext: FeedExtension) => `${baseUrl}${feedHref(list.feedPath, ext, list.feedQuery)}`;
  const updated = feedDate(list.papers, now);
  const feed = new Feed({
    title: `${list.title} · Paperboy`,
    description: list.description,
    id: self("atom"),
    link: `${baseUrl}${list.pagePath}`,
    updated,
    generator: "Paperboy",
    copyright: "Paper metadata from arXiv",
    author: { name: "Paperboy", link: baseUrl },
    feedLinks: { rss: self("rss"), atom: self("atom"), json: self("json") },
  });
  for (const paper of list.papers) feed.addItem(item(baseUrl, paper, extension));
  if (extension === "rss") return withoutXmlForbidden(feed.rss2());
  if (extension === "atom") return withoutXmlForbidden(feed.atom1());
  return jsonFeed11(feed.json1(), list.papers);
}

// Characters XML 1.0 allows nowhere, not even escaped: most C0 controls, lone surrogates, U+FFFE and U+FFFF.
const XML_FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** A search feed's title repeats the query as typed, so a control character there would break the document. */
function withoutXmlForbidden(xml: string): string {
  return xml.replace(XML_FORBIDDEN, "");
}

/** The library writes JSON Feed 1.0; 1.1 renames `author` to `authors` and adds `language`. */
function jsonFeed11(json: string, papers: readonly PaperSummary[]): string {
  const document = JSON.parse(json) as Record<string, unknown> & { items: Record<string, unknown>[] };
  const { author, ...rest } = document;
  const items = document.items.map((entry, index) => {
    const { author: _dropped, ...fields } = entry;
    const paper = papers[index];
    const published = paper ? paperDate(paper).toISOString() : undefined;
    return { ...fields, date_published: published, authors: paper?.authors.map((name) => ({ name })) ?? [] };
  });
  return JSON.stringify(
    {
      ...rest,
      version: "https://jsonfeed.org/version/1.1",
      language: "en",
      authors: author ? [author] : [],
      items,
    },
    null,
    2,
  );
}
