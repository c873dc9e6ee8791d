import { isAppError } from "../../core/errors.js";
import type { PaperRecord } from "../../core/paper.js";
import { child, children, childText, expectRoot, parseXml, type XmlElement } from "../xml/tree.js";
import { arxivRawRecord } from "./arxiv-raw.js";
import { NS } from "./namespaces.js";

/** An OAI-PMH protocol error (`<error code="...">`), which arrives with HTTP 200. */
export interface OaiError {
  readonly code: string;
  readonly message: string;
}

/** One ListRecords page: its papers, the newest datestamp among them, and where the list goes on. */
export interface OaiPage {
  readonly records: PaperRecord[];
  /** The latest header datestamp on the page (YYYY-MM-DD), null for an empty page. */
  readonly lastDatestamp: string | null;
  /** The token for the next page; null when the list is complete. */
  readonly resumptionToken: string | null;
  readonly completeListSize: number | null;
  readonly error: OaiError | null;
  /** Records that could not be read (no title, an impossible id...), each with where it is and why. */
  readonly rejected: readonly string[];
}

/** Reads an OAI-PMH 2.0 response to ListRecords or GetRecord with metadataPrefix=arXivRaw. */
export function parseOaiResponse(text: string, source: string): OaiPage {
  const root = parseXml(text, source);
  expectRoot(root, NS.oai, "OAI-PMH", source);
  const error = child(root, NS.oai, "error");
  if (error)
    return {
      ...emptyPage(),
      error: { code: error.attributes.code ?? "unknown", message: error.text.trim() },
    };
  const list = child(root, NS.oai, "ListRecords") ?? child(root, NS.oai, "GetRecord");
  if (!list) return emptyPage();
  const records: PaperRecord[] = [];
  const rejected: string[] = [];
  let lastDatestamp: string | null = null;
  children(list, NS.oai, "record").forEach((record, index) => {
    const header = child(record, NS.oai, "header");
    const datestamp = header ? childText(header, NS.oai, "datestamp") : null;
    if (datestamp && (lastDatestamp === null || datestamp > lastDatestamp)) lastDatestamp = datestamp;
    const where = `${source} record ${index + 1}`;
    // One unreadable record must not hold back the rest of the page, nor every page after it.
    try {
      const paper = recordOf(record, where);
      if (paper) records.push(paper);
    } catch (error) {
      if (!isAppError(error)) throw error;
      rejected.push(error.message.startsWith(where) ? error.message : `${where}: ${error.message}`);
    }
  });
  const token = child(list, NS.oai, "resumptionToken");
  const size = token?.attributes.completeListSize;
  return {
    records,
    lastDatestamp,
    resumptionToken: token?.text.trim() || null,
    completeListSize: size === undefined ? null : Number(size),
    error: null,
    rejected,
  };
}

// A deleted record (header status="deleted") carries no metadata; arXiv does not delete, so there is nothing to do.
function recordOf(record: XmlElement, where: string): PaperRecord | null {
  const metadata = child(record, NS.oai, "metadata");
  const raw = metadata ? child(metadata, NS.arxivRaw, "arXivRaw") : undefined;
  return raw ? arxivRawRecord(raw, where) : null;
}

const emptyPage = (): OaiPage => ({
  records: [],
  lastDatestamp: null,
  resumptionToken: null,
  completeListSize: null,
  error: null,
  rejected: [],
});
