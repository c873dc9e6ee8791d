import { arxivAbsUrl, arxivPdfUrl } from "../../core/arxiv-id.js";
import type { Paper } from "../../core/paper.js";
import { plainTexText } from "../../core/tex-text.js";

/** schema.org ScholarlyArticle for a paper, as Google Scholar and Zotero read it. */
export function scholarlyArticle(paper: Paper, baseUrl: string): Record<string, unknown> {
  const article: Record<string, unknown> = {
    "@context": "https://schema.org",
    "@type": "ScholarlyArticle",
    "@id": `${baseUrl}/papers/${paper.id}`,
    headline: plainTexText(paper.title),
    name: plainTexText(paper.title),
    abstract: plainTexText(paper.abstract),
    author: paper.authors.map((name) => ({ "@type": "Person", name })),
    identifier: { "@type": "PropertyValue", propertyID: "arXiv", value: paper.id },
    url: arxivAbsUrl(paper.id),
    sameAs: arxivAbsUrl(paper.id),
    encoding: {
      "@type": "MediaObject",
      contentUrl: arxivPdfUrl(paper.id),
      encodingFormat: "application/pdf",
    },
    isAccessibleForFree: true,
    keywords: paper.categories.join(", "),
  };
  if (paper.published) article.datePublished = paper.published;
  if (paper.updated) article.dateModified = paper.updated;
  if (paper.license) article.license = paper.license;
  if (paper.doi) article.sameAs = [arxivAbsUrl(paper.id), `https://doi.org/${paper.doi}`];
  return article;
}

/**
 * JSON that is safe inside a <script> element: `<`, `>` and `&` are written as \u escapes, so no title can close
 * the element or open a comment, and U+2028/U+2029 are escaped for old JavaScript parsers.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
