import { parseArxivId } from "../../core/arxiv-id.js";
import { cleanCategories } from "../../core/categories.js";
import { invalid } from "../../core/errors.js";
import type { PaperRecord, PaperVersion } from "../../core/paper.js";
import { collapseWhitespace, normaliseAbstract } from "../../core/text.js";
import { announcesWithdrawal } from "../../core/withdrawn.js";
import { child, children, childText, expectRoot, parseXml, type XmlElement } from "../xml/tree.js";
import { NS } from "./namespaces.js";

/** What one export API answer holds: the papers, and the errors arXiv sent back as entries. */
export interface AtomFeed {
  readonly papers: PaperRecord[];
  readonly errors: string[];
  readonly totalResults: number | null;
}

// The classic feed and the newer one both put errors in an entry whose id is under /api/errors.
const ERROR_ID = /\/api\/errors(#|$)/;
const ABS_ID = /\/abs\/(.+)$/;

/** Reads an arXiv export API answer (Atom 1.0), in the classic shape or the newer one. */
export function parseAtomFeed(text: string, source: string): AtomFeed {
  const root = parseXml(text, source);
  expectRoot(root, NS.atom, "feed", source);
  const papers: PaperRecord[] = [];
  const errors: string[] = [];
  children(root, NS.atom, "entry").forEach((entry, index) => {
    const id = childText(entry, NS.atom, "id") ?? "";
    if (ERROR_ID.test(id)) errors.push(errorMessage(entry));
    else if (childText(entry, NS.atom, "title") !== null)
      papers.push(entryRecord(entry, `${source} entry ${index + 1}`));
  });
  const total = childText(root, NS.opensearch, "totalResults");
  return { papers, errors, totalResults: total === null ? null : Number(total) };
}

function errorMessage(entry: XmlElement): string {
  const summary = childText(entry, NS.atom, "summary");
  return collapseWhitespace(summary ?? childText(entry, NS.atom, "id") ?? "unnamed error");
}

function entryRecord(entry: XmlElement, where: string): PaperRecord {
  const idText = childText(entry, NS.atom, "id") ?? "";
  const match = ABS_ID.exec(idText);
  if (!match?.[1]) throw invalid(`${where}: id "${idText}" is not an arXiv abstract link`);
  const { id, version } = parseArxivId(match[1]);
  const published = isoOrNull(childText(entry, NS.atom, "published"));
  const updated = isoOrNull(childText(entry, NS.atom, "updated"));
  const abstract = normaliseAbstract(childText(entry, NS.atom, "summary") ?? "");
  const comment = optional(childText(entry, NS.arxiv, "comment"));
  return {
    id,
    title: collapseWhitespace(childText(entry, NS.atom, "title") ?? ""),
    abstract,
    authors: children(entry, NS.atom, "author")
      .map((author) => collapseWhitespace(childText(author, NS.atom, "name") ?? ""))
      .filter((name) => name !== ""),
    categories: categoriesOf(entry),
    comment,
    journalRef: optional(childText(entry, NS.arxiv, "journal_ref")),
    doi: optional(childText(entry, NS.arxiv, "doi")),
    license: null,
    versions: knownVersions(version, published, updated),
    published,
    updated,
    withdrawn: announcesWithdrawal(comment, abstract),
  };
}

/** The primary category first (the upsert stores the first as primary), then the others in feed order. */
function categoriesOf(entry: XmlElement): string[] {
  const primary = child(entry, NS.arxiv, "primary_category")?.attributes.term;
  const terms = children(entry, NS.atom, "category").map((c) => c.attributes.term ?? "");
  return cleanCategories(primary ? [primary, ...terms] : terms);
}

/** The feed tells v1's date (published) and the latest version's (updated); versions between are unknown. */
function knownVersions(
  latest: number | null,
  published: string | null,
  updated: string | null,
): PaperVersion[] {
  const versions: PaperVersion[] = [];
  if (published) versions.push({ version: 1, created: published });
  if (latest !== null && latest > 1 && updated) versions.push({ version: latest, created: updated });
  return versions;
}

const optional = (text: string | null) => (text === null ? null : collapseWhitespace(text));

function isoOrNull(text: string | null): string | null {
  if (text === null) return null;
  const time = Date.parse(text);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}
