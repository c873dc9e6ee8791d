import { arxivAbsUrl, arxivPdfUrl } from "../../core/arxiv-id.js";
import type { Paper } from "../../core/paper.js";
import { paperLinks } from "../../core/paper-links.js";

// Brackets, angle brackets and backticks are the characters that would turn text into links, HTML or code;
// backslashes and dollars stay, so LaTeX in titles and abstracts reads as the authors wrote it.
const MARKDOWN_ACTIVE = /[<>[\]`]/g;

export function escapeMarkdown(text: string): string {
  return text.replace(MARKDOWN_ACTIVE, (c) => `\\${c}`);
}

function linkLines(paper: Paper, baseUrl: string): string[] {
  const links = paperLinks(paper.comment, paper.abstract);
  const lines = [
    `- arXiv: <${arxivAbsUrl(paper.id)}>`,
    `- PDF: <${arxivPdfUrl(paper.id)}>`,
    `- Paperboy: <${baseUrl}/papers/${paper.id}>`,
  ];
  if (links.codeRepo) lines.push(`- Code: <${links.codeRepo}>`);
  if (links.projectPage) lines.push(`- Project page: <${links.projectPage}>`);
  if (paper.doi) lines.push(`- DOI: <https://doi.org/${encodeURI(paper.doi)}>`);
  return lines;
}

/** A paper page as Markdown (what Hugging Face's `/papers/ID.md` gives): title, authors, abstract, links. */
export function paperMarkdown(paper: Paper, baseUrl: string): string {
  const facts = [`arXiv id: ${paper.id}`];
  if (paper.categories.length > 0) facts.push(`Categories: ${paper.categories.join(", ")}`);
  if (paper.listingDay) facts.push(`Featured on: ${paper.listingDay}`);
  if (paper.comment) facts.push(`Comments: ${escapeMarkdown(paper.comment)}`);
  if (paper.journalRef) facts.push(`Journal reference: ${escapeMarkdown(paper.journalRef)}`);
  const sections = [
    `# ${escapeMarkdown(paper.title)}`,
    `Authors: ${escapeMarkdown(paper.authors.join(", "))}`,
    ...(paper.withdrawn ? ["**This paper has been withdrawn by its authors.**"] : []),
    facts.join("  \n"),
    "## Abstract",
    escapeMarkdown(paper.abstract),
    "## Links",
    linkLines(paper, baseUrl).join("\n"),
  ];
  return `${sections.join("\n\n")}\n`;
}
