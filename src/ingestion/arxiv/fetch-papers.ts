import { parseArxivId } from "../../core/arxiv-id.js";
import type { Services } from "../../services.js";
import { upsertPapers } from "../../storage/upsert-papers.js";
import type { UpsertCounts } from "../../storage/upsert-types.js";
import { fetchArxivPapers } from "./export-api.js";

export interface FetchReport extends UpsertCounts {
  /** Canonical ids arXiv answered nothing for. */
  readonly missing: string[];
}

/** Fetches papers by id through the export API and upserts their metadata (none is featured by this). */
export async function fetchAndStorePapers(
  services: Services,
  ids: readonly string[],
  signal?: AbortSignal,
): Promise<FetchReport> {
  const wanted = [...new Set(ids.map((raw) => parseArxivId(raw).id))];
  const records = await fetchArxivPapers(services.sources.arxiv, wanted, {
    apiUrl: services.config.arxivApiUrl,
    ...(signal ? { signal } : {}),
  });
  const counts = await upsertPapers(
    services.database,
    records.map((record) => ({ record, featureOn: null })),
    { submitterId: null, source: "arxiv", now: services.clock.now().toISOString() },
  );
  const found = new Set(records.map((r) => r.id));
  return { ...counts, missing: wanted.filter((id) => !found.has(id)) };
}
