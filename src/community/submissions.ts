import type { Config } from "../config.js";
import { type Account, hasRole } from "../core/account.js";
import { parseArxivId } from "../core/arxiv-id.js";
import { conflict, forbidden, invalid, notFound, upstream } from "../core/errors.js";
import { type Day, listingDayOf } from "../core/listing-day.js";
import type { Paper } from "../core/paper.js";
import { type FetchDeps, fetchAndStorePapers } from "../ingestion/arxiv/fetch-papers.js";
import { insertListingEntry } from "../storage/listing-entries.js";
import { getPaper } from "../storage/papers.js";

const MS_PER_DAY = 86_400_000;

/**
 * How long a submission waits for arXiv's export API. A person is waiting on the form: past this it says so and
 * keeps their input, instead of sitting out the polite client's retries (over a minute when arXiv is down).
 */
export const SUBMISSION_FETCH_SECONDS = 20;

/** A submission fetches unknown papers from arXiv and checks them against the community's rules. */
export interface SubmissionDeps extends FetchDeps {
  readonly config: Pick<Config, "arxivApiUrl" | "community">;
}

export interface Submission {
  readonly paperId: string;
  readonly listingDay: Day;
  /** Whether the paper had to be fetched from arXiv first. */
  readonly fetched: boolean;
}

/** The stored paper, fetched through the arXiv export API when this instance does not know it yet. */
async function knownOrFetched(
  services: SubmissionDeps,
  id: string,
): Promise<{ paper: Paper; fetched: boolean }> {
  const known = await getPaper(services.database, id);
  if (known) return { paper: known, fetched: false };
  const deadline = AbortSignal.timeout(SUBMISSION_FETCH_SECONDS * 1000);
  const report = await fetchAndStorePapers(services, [id], deadline).catch((error: unknown) => {
    if (!deadline.aborted) throw error;
    throw upstream(
      `arXiv did not answer within ${SUBMISSION_FETCH_SECONDS} seconds, so ${id} could not be fetched. Try again in a few minutes.`,
    );
  });
  const paper = report.missing.length === 0 ? await getPaper(services.database, id) : null;
  if (!paper) throw notFound(`arXiv has no paper ${id}; check the id.`);
  return { paper, fetched: true };
}

function checkAge(services: SubmissionDeps, paper: Paper): void {
  const maxDays = services.config.community.submissionMaxAgeDays;
  if (maxDays === 0 || !paper.published) return;
  const ageDays = (services.clock.now().getTime() - Date.parse(paper.published)) / MS_PER_DAY;
  if (ageDays > maxDays) {
    throw invalid(
      `${paper.id} was first published on ${paper.published.slice(0, 10)}; this site takes papers up to ${maxDays} days old.`,
    );
  }
}

/**
 * Submits a paper by arXiv id or URL: fetches it if unknown, checks the operator's rules, and features it on
 * today's listing day (America/New_York) with the account as its submitter. A paper is featured once.
 * The web form and `POST /api/papers/index` both call this.
 */
export async function submitPaper(
  services: SubmissionDeps,
  account: Account,
  input: string,
): Promise<Submission> {
  const rules = services.config.community;
  if (!hasRole(account, rules.submitterRole))
    throw forbidden(`Only a ${rules.submitterRole} can submit papers.`);
  const { id } = parseArxivId(input);
  const { paper, fetched } = await knownOrFetched(services, id);
  if (paper.listingDay) throw conflict(`${id} is already featured, on ${paper.listingDay}.`);
  checkAge(services, paper);
  const now = services.clock.now();
  const listingDay = listingDayOf(now);
  const featured = await insertListingEntry(services.database, {
    paperId: id,
    day: listingDay,
    submitterId: account.id,
    now: now.toISOString(),
    source: "community",
  });
  if (!featured) throw conflict(`${id} was featured a moment ago by someone else.`);
  return { paperId: id, listingDay, fetched };
}
