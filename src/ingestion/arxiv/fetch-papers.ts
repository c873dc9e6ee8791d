import type { Config } from "../../config.js";
import { parseArxivId } from "../../core/arxiv-id.js";
import type { Clock } from "../../core/clock.js";
import type { Database } from "../../storage/database.js";
import { upsertPapers } from "../../storage/upsert-papers.js";
import type { UpsertCounts } from "../../storage/upsert-types.js";
import type { ExternalSources } from "../http/sources.js";
import { fetchArxivPapers } from "./export-api.js";

export interface FetchReport extends UpsertCounts {
  /** Canonical ids arXiv answered nothing for. */
  readonly missing: string[];
}

/** What fetching by id uses: arXiv's polite client and API address, the database and the clock. */
export interface FetchDeps {
  readonly database: Database;
  readonly clock: Clock;
  readonly sources: Pick<ExternalSources, "arxiv">;
  readonly config: Pick<Config, "arxivApiUrl">;
}

/** Fetches papers by id through the export API and upserts their metadata (none is featured by this). */
export async function fetchAndStorePapers(
  services: FetchDeps,
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
