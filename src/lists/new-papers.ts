import type { Day } from "../core/listing-day.js";
import { newPaperIds } from "../storage/announcements.js";
import type { Database } from "../storage/database.js";
import { getSummaries } from "../storage/papers.js";
import { offsetOf, type PageRequest, type PaperList, paperList } from "./paper-list.js";

/** One page of a day's new papers: everything arXiv announced that day that this instance holds, in arXiv order. */
export async function newPapersList(database: Database, day: Day, request: PageRequest): Promise<PaperList> {
  const ids = await newPaperIds(database, { day });
  const page = ids.slice(offsetOf(request), offsetOf(request) + request.size);
  return paperList(
    {
      title: `New papers of ${day}`,
      description: `Every paper arXiv announced on ${day} that this instance holds, featured or not`,
      pagePath: `/papers/new/${day}`,
      feedPath: `/feeds/new/${day}`,
    },
    request,
    await getSummaries(database, page),
    ids.length,
  );
}
