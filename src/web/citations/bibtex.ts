import { arxivAbsUrl } from "../../core/arxiv-id.js";
import type { PaperSummary } from "../../core/paper.js";
import { citationKey, paperYear, uniqueKeys } from "./keys.js";

/** BibTeX entries in the form arXiv's own export uses (`@misc` with eprint, archivePrefix, primaryClass). */

// LaTeX reads these as commands inside a field; arXiv metadata means them as text unless already escaped.
const LATEX_TEXT_SPECIALS = /(?<!\\)([&%#])/g;

/**
 * Braces BibTeX cannot pair become \textbraceleft{} or \textbraceright{}. BibTeX counts every brace, escaped or
 * not, to find where a field ends, so `\}` would close the field early and let the rest of the text write fields
 * of its own; paired braces (TeX groups such as \mathcal{O}) stay as they are.
 */
function pairBraces(text: string): string {
  const unpaired = new Set<number>();
  const open: number[] = [];
  for (let i = 0; i < text.length; i += 1) {
    if (text[i] === "{") open.push(i);
    else if (text[i] === "}" && open.pop() === undefined) unpaired.add(i);
  }
  for (const i of open) unpaired.add(i);
  if (unpaired.size === 0) return text;
  let out = "";
  for (let i = 0; i < text.length; i += 1) {
    if (!unpaired.has(i)) {
      out += text[i];
      continue;
    }
    // An escaped brace: its backslash would otherwise escape the command's.
    if (out.endsWith("\\")) out = out.slice(0, -1);
    out += text[i] === "{" ? "\\textbraceleft{}" : "\\textbraceright{}";
  }
  return out;
}

/**
 * TeX commands that read or write files, define or redefine commands, or build command names out of text:
 * arXiv metadata never needs them, and a document citing the entry would run them. Command names holding
 * `@` (internals) count too.
 */
const EXECUTING = new Set(
  (
    "input include includeonly InputIfFileExists write immediate openout openin closeout closein read readline " +
    "newwrite newread def edef gdef xdef let futurelet newcommand renewcommand providecommand " +
    "DeclareRobustCommand NewDocumentCommand csname endcsname expandafter catcode lccode uccode special " +
    "usepackage RequirePackage documentclass loop jobname shipout directlua luaexec scantokens everyeof " +
    "everypar afterassignment makeatletter makeatother outer string detokenize unexpanded noexpand"
  ).split(" "),
);
const COMMAND = /\\([A-Za-z@]+)/g;

/** Executing commands lose their power: the backslash is printed instead of read. */
function disarmCommands(text: string): string {
  return text
    .replace(COMMAND, (whole, name: string) =>
      EXECUTING.has(name) || name.includes("@") ? `\\textbackslash{}${name}` : whole,
    )
    .replace(/\^(?=\^)/g, "^{}");
}

/**
 * A field value safe inside `{...}`: specials escaped, executing commands and `^^` character codes (which can
 * spell a backslash) disarmed, and braces BibTeX cannot pair replaced.
 */
export function bibtexValue(text: string): string {
  const specials = text.replace(/\s+/g, " ").trim().replace(LATEX_TEXT_SPECIALS, "\\$1");
  return pairBraces(disarmCommands(specials));
}

export function bibtexEntry(paper: PaperSummary, key = citationKey(paper)): string {
  const fields: [string, string][] = [
    ["title", `{${bibtexValue(paper.title)}}`],
    ["author", bibtexValue(paper.authors.join(" and "))],
    ["year", paperYear(paper)],
    ["eprint", paper.id],
    ["archivePrefix", "arXiv"],
  ];
  if (paper.primaryCategory ?? paper.categories[0]) {
    fields.push(["primaryClass", paper.primaryCategory ?? paper.categories[0] ?? ""]);
  }
  if (paper.doi) fields.push(["doi", bibtexValue(paper.doi)]);
  if (paper.journalRef) fields.push(["journal", bibtexValue(paper.journalRef)]);
  fields.push(["url", arxivAbsUrl(paper.id)]);
  const body = fields.map(([name, value]) => `  ${name} = {${value}}`).join(",\n");
  return `@misc{${key},\n${body}\n}\n`;
}

/** Entries for a list, with keys made unique by a letter suffix (see keys.ts). */
export function bibtexList(papers: readonly PaperSummary[]): string {
  const keys = uniqueKeys(papers);
  return papers.map((paper, index) => bibtexEntry(paper, keys[index])).join("\n");
}
