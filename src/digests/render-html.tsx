import { renderToString } from "preact-render-to-string";
import { shortenTex } from "../core/tex-cut.js";
import { htmlOf, texToHtml } from "../core/tex-text.js";
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

// Mail clients drop <style> and external CSS, so the layout is tables with inline styles only.
const FONT = "font-family:Helvetica,Arial,sans-serif;";
const STYLE = {
  body: `margin:0;padding:0;background:#f4f5f7;${FONT}`,
  card: "max-width:640px;width:100%;background:#ffffff;border:1px solid #e4e6ea;",
  cell: "padding:16px 24px;border-bottom:1px solid #e4e6ea;",
  title: `${FONT}font-size:17px;line-height:1.35;font-weight:bold;color:#1d4ed8;text-decoration:none;`,
  meta: `${FONT}font-size:13px;line-height:1.5;color:#5b6068;margin:4px 0 0;`,
  text: `${FONT}font-size:14px;line-height:1.55;color:#1a1a1a;margin:8px 0 0;`,
  link: "color:#1d4ed8;",
  foot: `${FONT}font-size:12px;line-height:1.6;color:#5b6068;padding:16px 24px;`,
};

function Item({ item, baseUrl }: { item: DigestItem; baseUrl: string }) {
  const urls = paperUrls(baseUrl, item.paper.id);
  return (
    <tr>
      <td style={STYLE.cell}>
        <a
          href={urls.page}
          style={STYLE.title}
          // TeX text commands as tags (texToHtml escapes all text): mail clients show no \emph{...}.
          dangerouslySetInnerHTML={{ __html: texToHtml(collapseWhitespace(item.paper.title)) }}
        />
        <p style={STYLE.meta}>{authorLine(item.paper.authors)}</p>
        <p
          style={STYLE.text}
          dangerouslySetInnerHTML={{
            __html: htmlOf(shortenTex(collapseWhitespace(item.paper.abstract), ABSTRACT_CHARS)),
          }}
        />
        <p style={STYLE.meta}>
          <a href={urls.arxiv} style={STYLE.link}>
            arXiv
          </a>
          {" · "}
          <a href={urls.pdf} style={STYLE.link}>
            PDF
          </a>
          {` · ${item.because}`}
        </p>
      </td>
    </tr>
  );
}

// A run renders the same paper for thousands of subscribers: each item's markup is made once per paper object
// (the builder shares them) and reason.
const itemCache = new WeakMap<object, Map<string, string>>();

function itemHtml(item: DigestItem, baseUrl: string): string {
  const byReason = itemCache.get(item.paper) ?? new Map<string, string>();
  itemCache.set(item.paper, byReason);
  const key = `${baseUrl} ${item.because}`;
  let html = byReason.get(key);
  if (html === undefined) {
    html = renderToString(<Item item={item} baseUrl={baseUrl} />);
    byReason.set(key, html);
  }
  return html;
}

// Rendered as text in the frame, then replaced by the items' markup; no address or link can hold "@@".
const ITEMS_MARK = "@@paperboy-digest-items@@";

function DigestEmail({ digest, links }: { digest: Digest; links: DigestLinks }) {
  const label = periodLabel(digest.period);
  return (
    <html lang="en">
      <head>
        <meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`Paperboy: ${label}`}</title>
      </head>
      <body style={STYLE.body}>
        <table role="presentation" width="100%" cellPadding="0" cellSpacing="0" style={STYLE.body}>
          <tr>
            <td align="center" style="padding:24px 8px;">
              <table role="presentation" width="640" cellPadding="0" cellSpacing="0" style={STYLE.card}>
                <tr>
                  <td style={STYLE.cell}>
                    <h1 style={`${FONT}font-size:20px;margin:0;color:#1a1a1a;`}>Paperboy · {label}</h1>
                    <p style={STYLE.meta}>
                      <a href={periodPageUrl(links.baseUrl, digest.period)} style={STYLE.link}>
                        See the whole list
                      </a>
                    </p>
                  </td>
                </tr>
                {ITEMS_MARK}
                <tr>
                  <td style={STYLE.foot}>
                    You get this because {digest.email} subscribed at {links.baseUrl}.{" "}
                    <a href={links.preferences} style={STYLE.link}>
                      Change what you get
                    </a>
                    {" · "}
                    <a href={links.feed} style={STYLE.link}>
                      Your feed
                    </a>
                    {" · "}
                    <a href={links.unsubscribe} style={STYLE.link}>
                      Unsubscribe
                    </a>
                  </td>
                </tr>
              </table>
            </td>
          </tr>
        </table>
      </body>
    </html>
  );
}

function SectionHeading({ title }: { title: string }) {
  return (
    <tr>
      <td style={STYLE.cell}>
        <h2 style={`${FONT}font-size:17px;margin:0;color:#1a1a1a;`}>{title}</h2>
      </td>
    </tr>
  );
}

/** The HTML part; Preact escapes every title, author and abstract. */
export function renderDigestHtml(digest: Digest, links: DigestLinks): string {
  const frame = renderToString(<DigestEmail digest={digest} links={links} />);
  const items = digestSections(digest)
    .map(
      ({ title, items: section }) =>
        (title ? renderToString(<SectionHeading title={title} />) : "") +
        section.map((item) => itemHtml(item, links.baseUrl)).join(""),
    )
    .join("");
  // A function, so that "$&" or "$'" in a paper title is text, not a replacement pattern.
  return `<!DOCTYPE html>${frame.replace(ITEMS_MARK, () => items)}`;
}
