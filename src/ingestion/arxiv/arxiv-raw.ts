import { parseArxivId } from "../../core/arxiv-id.js";
import { splitAuthorList } from "../../core/author-list.js";
import { cleanCategories } from "../../core/categories.js";
import { invalid } from "../../core/errors.js";
import type { PaperRecord, PaperVersion } from "../../core/paper.js";
import { collapseWhitespace, normaliseAbstract } from "../../core/text.js";
import { announcesWithdrawal } from "../../core/withdrawn.js";
import { children, childText, type XmlElement } from "../xml/tree.js";
import { NS } from "./namespaces.js";

const text = (element: XmlElement, local: string) => childText(element, NS.arxivRaw, local);
const optional = (value: string | null) => (value === null ? null : collapseWhitespace(value));

/** One `<arXivRaw>` metadata element (OAI-PMH, metadataPrefix=arXivRaw): every version with its date. */
export function arxivRawRecord(metadata: XmlElement, where: string): PaperRecord {
  const rawId = text(metadata, "id");
  if (rawId === null) throw invalid(`${where}: arXivRaw record without <id>`);
  const id = parseArxivId(rawId).id;
  const title = collapseWhitespace(text(metadata, "title") ?? "");
  if (title === "") throw invalid(`${where}: ${id} has no title`);
  const versions = versionsOf(metadata, `${where}: ${id}`);
  const abstract = normaliseAbstract(text(metadata, "abstract") ?? "");
  const comment = optional(text(metadata, "comments"));
  return {
    id,
    title,
    abstract,
    authors: splitAuthorList(text(metadata, "authors") ?? ""),
    categories: cleanCategories([text(metadata, "categories") ?? ""]),
    comment,
    journalRef: optional(text(metadata, "journal-ref")),
    // arXivRaw may list several DOIs (an article and its erratum); the first is the article's.
    doi: text(metadata, "doi")?.split(/\s+/)[0] ?? null,
    license: optional(text(metadata, "license")),
    versions,
    published: versions[0]?.created ?? null,
    updated: versions.at(-1)?.created ?? null,
    withdrawn: announcesWithdrawal(comment, abstract),
  };
}

function versionsOf(metadata: XmlElement, where: string): PaperVersion[] {
  const versions = children(metadata, NS.arxivRaw, "version").map((element) => {
    const label = element.attributes.version ?? "";
    const number = Number(/^v(\d+)$/.exec(label)?.[1]);
    const date = Date.parse(childText(element, NS.arxivRaw, "date") ?? "");
    if (!Number.isInteger(number) || Number.isNaN(date))
      throw invalid(`${where}: unreadable version "${label}"`);
    return { version: number, created: new Date(date).toISOString() };
  });
  return versions.sort((a, b) => a.version - b.version);
}
