import { arxivAbsUrl, arxivPdfUrl } from "../../core/arxiv-id.js";
import type { Paper } from "../../core/paper.js";
import { plainTexText } from "../../core/tex-text.js";
import { jsonForScript, scholarlyArticle } from "../citations/json-ld.js";

/** `2026/06/20` from an ISO instant or day: the date form Google Scholar's citation_* tags ask for. */
const scholarDate = (text: string) => text.slice(0, 10).replaceAll("-", "/");

function citationTags(paper: Paper): [string, string][] {
  const tags: [string, string][] = [["citation_title", plainTexText(paper.title)]];
  for (const author of paper.authors) tags.push(["citation_author", author]);
  const date = paper.published ?? paper.listingDay;
  if (date) tags.push(["citation_publication_date", scholarDate(date)], ["citation_date", scholarDate(date)]);
  if (paper.updated) tags.push(["citation_online_date", scholarDate(paper.updated)]);
  tags.push(
    ["citation_arxiv_id", paper.id],
    ["citation_abstract_html_url", arxivAbsUrl(paper.id)],
    ["citation_pdf_url", arxivPdfUrl(paper.id)],
    ["citation_abstract", plainTexText(paper.abstract)],
  );
  if (paper.doi) tags.push(["citation_doi", paper.doi]);
  if (paper.journalRef) tags.push(["citation_journal_title", paper.journalRef]);
  return tags;
}

/** The <head> elements reference managers read: Highwire-style citation_* tags and ScholarlyArticle JSON-LD. */
export function CitationHead({ paper, baseUrl }: { readonly paper: Paper; readonly baseUrl: string }) {
  return (
    <>
      {citationTags(paper).map(([name, content]) => (
        <meta name={name} content={content} />
      ))}
      <link rel="canonical" href={`${baseUrl}/papers/${paper.id}`} />
      <link rel="alternate" type="text/markdown" href={`/papers/${paper.id}.md`} />
      <link rel="alternate" type="application/x-bibtex" href={`/papers/${paper.id}/bibtex`} />
      <script
        type="application/ld+json"
        // jsonForScript escapes every character that could end the element or start markup inside it.
        dangerouslySetInnerHTML={{ __html: jsonForScript(scholarlyArticle(paper, baseUrl)) }}
      />
    </>
  );
}
