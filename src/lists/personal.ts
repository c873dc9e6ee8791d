import { notFound } from "../core/errors.js";
import { DigestBuilder } from "../digests/build.js";
import type { ForYouRanker } from "../digests/for-you-follow.js";
import { personalFeedId, personalFeedPath, personalFeedTokenMatches } from "../digests/links.js";
import { pickPapers } from "../digests/pick.js";
import { databasePaperSource } from "../digests/sources.js";
import type { Database } from "../storage/database.js";
import { getSubscription } from "../storage/subscriptions.js";
import { offsetOf, type PageRequest, type PaperList, paperList } from "./paper-list.js";
import { recentDays } from "./recent-days.js";

/** Listing days the personal list reaches back: a week, like a weekly digest. */
export const PERSONAL_DAYS = 7;
/** The most papers the personal list picks from a subscription's follows. */
export const PERSONAL_DEPTH = 100;

export interface PersonalDeps {
  readonly database: Database;
  readonly secretKey: string;
  /** The subscriber's For you, for the follow `for-you`. */
  readonly forYou: ForYouRanker;
}

/**
 * A subscription's follows over the last week, picked in turns as its digests pick them, behind the secret
 * token of its personal feed. An unknown or revoked token reads as no list at all.
 */
export async function personalList(
  deps: PersonalDeps,
  token: string,
  request: PageRequest,
): Promise<PaperList> {
  const id = personalFeedId(token);
  const subscription = id === null ? null : await getSubscription(deps.database, id);
  if (
    !subscription ||
    !personalFeedTokenMatches(deps.secretKey, token, subscription.id, subscription.feedKey)
  ) {
    throw notFound("There is no feed at this address.");
  }
  const source = databasePaperSource(deps.database, deps.forYou);
  const span = await recentDays(deps.database, PERSONAL_DAYS);
  const builder = new DigestBuilder(source, { kind: "week", key: "personal", ...span }, false);
  const picked = pickPapers(await builder.matches(subscription), new Set(), PERSONAL_DEPTH);
  const ids = picked.slice(offsetOf(request), offsetOf(request) + request.size).map((p) => p.paperId);
  const heading = {
    title: "Your papers",
    description: "The papers you follow on Paperboy, from the last week",
    pagePath: "/papers",
    feedPath: personalFeedPath(deps.secretKey, subscription.id, subscription.feedKey),
  };
  return paperList(heading, request, await source.summaries(ids), picked.length);
}
