import { invalid } from "../../core/errors.js";
import type { IncomingPaper } from "../../core/paper.js";
import { parseAtomFeed } from "../arxiv/atom.js";
import { parseOaiResponse } from "../arxiv/oai-response.js";
import { parseDailyPapers } from "../hf/daily-papers.js";

/** A saved arXiv export API answer (Atom): its papers, not featured. Errors sent as entries fail the file. */
export function parseAtomDocument(text: string, file: string): IncomingPaper[] {
  const feed = parseAtomFeed(text, file);
  if (feed.errors.length > 0)
    throw invalid(`${file}: the feed holds arXiv errors: ${feed.errors.join("; ")}`);
  return feed.papers.map((record) => ({ record, featureOn: null }));
}

/** A saved OAI-PMH ListRecords or GetRecord answer (arXivRaw): its papers, not featured. */
export function parseOaiDocument(text: string, file: string): IncomingPaper[] {
  const page = parseOaiResponse(text, file);
  if (page.error && page.error.code !== "noRecordsMatch")
    throw invalid(`${file}: an OAI-PMH error answer (${page.error.code}: ${page.error.message})`);
  const [first, ...more] = page.rejected;
  if (first !== undefined)
    throw invalid(more.length === 0 ? first : `${first} (and ${more.length} more unreadable records)`);
  return page.records.map((record) => ({ record, featureOn: null }));
}

/** A saved Hugging Face /api/daily_papers answer: each paper featured on the day HF listed it, with its upvotes. */
export function parseHfDailyDocument(text: string, file: string): IncomingPaper[] {
  return parseDailyPapers(text, file);
}
