import { tryParseArxivId } from "./arxiv-id.js";

/** One field of a reference (a BibTeX or RIS entry), lower-cased name first; a field may repeat. */
export type ReferenceField = readonly [name: string, value: string];

// arXiv's DOIs (since 2022) carry the id: 10.48550/arXiv.2409.13598.
const ARXIV_DOI = /^(?:https?:\/\/(?:dx\.)?doi\.org\/)?10\.48550\/arxiv\.(.+)$/i;
// "arXiv preprint arXiv:2409.13598", "arXiv:hep-th/9901001v2" inside free text (journal, note, howpublished).
const IN_TEXT = /arxiv:\s*([a-z-]+(?:\.[A-Z]{2})?\/\d{7}|\d{4}\.\d{4,5})(v\d+)?/i;
// A link, perhaps wrapped (`\\url{...}`); the id is read from the path after abs/, pdf/ or html/.
const ARXIV_LINK = /arxiv\.org\/(?:abs|pdf|html)\/([^\s"'{}<>?#]+?)(?:\.pdf)?(?=$|[\s"'{}<>?#])/i;

const DOI_FIELDS = new Set(["doi", "do"]);
const LINK_FIELDS = new Set(["url", "ur", "l1", "l2", "link", "howpublished"]);

function eprintId(fields: readonly ReferenceField[]): string | null {
  const archive = fields.find(([name]) => name === "archiveprefix" || name === "eprinttype")?.[1];
  if (archive !== undefined && archive.trim().toLowerCase() !== "arxiv") return null;
  const eprint = fields.find(([name]) => name === "eprint")?.[1];
  return eprint === undefined ? null : (tryParseArxivId(eprint)?.id ?? null);
}

function fromField([name, value]: ReferenceField): string | null {
  const text = value.trim();
  if (DOI_FIELDS.has(name)) {
    const doi = ARXIV_DOI.exec(text)?.[1];
    return doi ? (tryParseArxivId(doi)?.id ?? null) : null;
  }
  const link = LINK_FIELDS.has(name) ? ARXIV_LINK.exec(text)?.[1] : undefined;
  if (link) return tryParseArxivId(link)?.id ?? null;
  const mention = IN_TEXT.exec(text);
  return mention?.[1] ? (tryParseArxivId(mention[1])?.id ?? null) : null;
}

/**
 * The arXiv id a reference names, or null. Reads, in this order: `eprint` (when the archive is arXiv or
 * unnamed), an arXiv DOI, an arxiv.org link, then an `arXiv:ID` mention in any field; reference managers and
 * Google Scholar write each of these forms.
 */
export function arxivIdOfReference(fields: readonly ReferenceField[]): string | null {
  const eprint = eprintId(fields);
  if (eprint) return eprint;
  const ranked = [
    ...fields.filter(([name]) => DOI_FIELDS.has(name)),
    ...fields.filter(([name]) => LINK_FIELDS.has(name)),
    ...fields.filter(([name]) => !DOI_FIELDS.has(name) && !LINK_FIELDS.has(name)),
  ];
  for (const field of ranked) {
    const id = fromField(field);
    if (id) return id;
  }
  return null;
}
