import { parseArxivId } from "../../core/arxiv-id.js";
import { splitAuthorList } from "../../core/author-list.js";
import { cleanCategories } from "../../core/categories.js";
import { invalid } from "../../core/errors.js";
import type { IncomingPaper, PaperVersion } from "../../core/paper.js";
import { collapseWhitespace, normaliseAbstract } from "../../core/text.js";
import { announcesWithdrawal } from "../../core/withdrawn.js";
import { parseJsonObject, requireString } from "./listing.js";

type Json = Record<string, unknown>;

const optionalText = (o: Json, key: string) => {
  const value = o[key];
  return typeof value === "string" && value.trim() !== "" ? collapseWhitespace(value) : null;
};

/**
 * One line of the Kaggle arXiv metadata snapshot (`arxiv-metadata-oai-snapshot.json`): `id`, `authors`,
 * `title`, `comments`, `journal-ref`, `doi`, `categories` (space-separated), `license`, `abstract`,
 * `versions[{version, created}]`, `update_date`, `authors_parsed[[last, first, suffix]]`. Not featured.
 */
export function parseSnapshotLine(line: string): IncomingPaper {
  const o = parseJsonObject(line);
  const id = parseArxivId(requireString(o, "id")).id;
  const title = collapseWhitespace(requireString(o, "title"));
  if (title === "") throw invalid("title is empty");
  // Every snapshot line has an abstract: a line without one is another format read as this one, which would
  // otherwise store papers with no abstract, authors or categories.
  if (typeof o.abstract !== "string")
    throw invalid('no "abstract": not a line of the Kaggle arXiv snapshot (is --format right?)');
  const abstract = normaliseAbstract(o.abstract);
  const comment = optionalText(o, "comments");
  const versions = versionsOf(o.versions);
  return {
    record: {
      id,
      title,
      abstract,
      authors: authorsOf(o),
      categories: cleanCategories([typeof o.categories === "string" ? o.categories : ""]),
      comment,
      journalRef: optionalText(o, "journal-ref"),
      doi: optionalText(o, "doi")?.split(" ")[0] ?? null,
      license: optionalText(o, "license"),
      versions,
      published: versions[0]?.created ?? null,
      updated: versions.at(-1)?.created ?? null,
      withdrawn: announcesWithdrawal(comment, abstract),
    },
    featureOn: null,
  };
}

/** `authors_parsed` has the names decoded from arXiv's TeX accents; the raw `authors` string is the fallback. */
function authorsOf(o: Json): string[] {
  const parsed = o.authors_parsed;
  if (Array.isArray(parsed) && parsed.length > 0) {
    const names = parsed.map(parsedName).filter((name) => name !== "");
    if (names.length > 0) return names;
  }
  return splitAuthorList(typeof o.authors === "string" ? o.authors : "");
}

function parsedName(parts: unknown): string {
  if (!Array.isArray(parts)) return "";
  const [last, first, suffix] = parts.map((part) => (typeof part === "string" ? part.trim() : ""));
  return collapseWhitespace([first, last, suffix].filter((part) => part).join(" "));
}

function versionsOf(value: unknown): PaperVersion[] {
  if (!Array.isArray(value)) return [];
  const versions: PaperVersion[] = [];
  for (const entry of value) {
    const o = (typeof entry === "object" && entry !== null ? entry : {}) as Json;
    const number = Number(/^v(\d+)$/.exec(String(o.version))?.[1]);
    const time = Date.parse(String(o.created));
    if (!Number.isInteger(number) || Number.isNaN(time))
      throw invalid(`unreadable version ${JSON.stringify(entry)}`);
    versions.push({ version: number, created: new Date(time).toISOString() });
  }
  return versions.sort((a, b) => a.version - b.version);
}
