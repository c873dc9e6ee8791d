import { parseArxivId } from "../../core/arxiv-id.js";
import { AppError, upstream } from "../../core/errors.js";
import type { PaperRecord } from "../../core/paper.js";
import type { HttpClient } from "../http/client.js";
import { parseAtomFeed } from "./atom.js";

export const EXPORT_API = "arXiv export API";

/** arXiv's guidance: id_list queries of a few hundred ids at most; 100 keeps URLs short. */
export const ID_BATCH_SIZE = 100;

export interface ExportApiOptions {
  /** The query endpoint (ARXIV_API_URL), e.g. https://export.arxiv.org/api/query. */
  readonly apiUrl: string;
  readonly batchSize?: number;
  readonly signal?: AbortSignal;
}

/**
 * Fetches papers by arXiv id (any form parseArxivId reads) through the export API, in id_list batches. Ids
 * arXiv does not know are simply absent from the answer; an error arXiv reports as an entry, a malformed or
 * unexpected answer fails as `upstream`, naming the source.
 */
export async function fetchArxivPapers(
  client: HttpClient,
  ids: readonly string[],
  options: ExportApiOptions,
): Promise<PaperRecord[]> {
  const wanted = [...new Set(ids.map((raw) => parseArxivId(raw).id))];
  const size = options.batchSize ?? ID_BATCH_SIZE;
  const papers: PaperRecord[] = [];
  for (let start = 0; start < wanted.length; start += size) {
    papers.push(...(await fetchBatch(client, wanted.slice(start, start + size), options)));
  }
  return papers;
}

async function fetchBatch(
  client: HttpClient,
  ids: string[],
  options: ExportApiOptions,
): Promise<PaperRecord[]> {
  const url = new URL(options.apiUrl);
  url.searchParams.set("id_list", ids.join(","));
  url.searchParams.set("max_results", String(ids.length));
  const response = await client.get(url.toString(), {
    source: EXPORT_API,
    accept: "application/atom+xml",
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const feed = readFeed(response.body.toString("utf8"));
  if (feed.errors.length > 0) throw upstream(`${EXPORT_API}: ${feed.errors.join("; ")} (${url})`);
  const asked = new Set(ids);
  return feed.papers.filter((paper) => asked.has(paper.id));
}

function readFeed(text: string) {
  try {
    return parseAtomFeed(text, EXPORT_API);
  } catch (error) {
    if (error instanceof AppError) throw upstream(error.message);
    throw error;
  }
}
