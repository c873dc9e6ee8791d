import { isCategory } from "../../core/categories.js";
import { invalid, notFound } from "../../core/errors.js";
import { MAX_QUERY_LENGTH, parseFollow } from "../../core/follows.js";
import { addDays, type Day, parseDay } from "../../core/listing-day.js";
import { dayPeriod, type Period, parseMonth, parseWeek } from "../../core/periods.js";
import { DigestBuilder } from "../../digests/build.js";
import { personalFeedId, personalFeedTokenMatches } from "../../digests/links.js";
import { pickPapers } from "../../digests/pick.js";
import { databasePaperSource } from "../../digests/sources.js";
import { TRENDING_WINDOW_DAYS } from "../../ranking/trending.js";
import { trendingList } from "../../ranking/trending-list.js";
import type { Database } from "../../storage/database.js";
import { latestListingDay, listFeatured } from "../../storage/papers.js";
import { getSubscription } from "../../storage/subscriptions.js";
import type { FeedList } from "./render.js";

/** Items per feed: a feed reader polls often, so it needs the recent ones, not the archive. */
export const FEED_SIZE = 100;
const TRENDING_DAYS = 7;
const TOPIC_DAYS = 30;

async function periodList(
  database: Database,
  period: Period,
  title: string,
  pagePath: string,
  feedPath: string,
) {
  const page = await listFeatured(database, {
    first: period.first,
    last: period.last,
    offset: 0,
    limit: FEED_SIZE,
  });
  const description = `Papers featured on Paperboy, ${period.first === period.last ? period.first : `${period.first} to ${period.last}`}`;
  return { title, description, pagePath, feedPath, papers: page.items };
}

export function dayFeed(database: Database, raw: string): Promise<FeedList> {
  const day = parseDay(raw);
  return periodList(database, dayPeriod(day), `Papers of ${day}`, `/papers/date/${day}`, `/feeds/day/${day}`);
}

export async function latestFeed(database: Database): Promise<FeedList> {
  const day = await latestListingDay(database);
  const list = day
    ? await dayFeed(database, day)
    : { title: "", description: "", pagePath: "", feedPath: "", papers: [] };
  return {
    ...list,
    title: "Daily papers",
    description: "The latest listing day on Paperboy",
    pagePath: "/papers",
    feedPath: "/feeds/papers",
  };
}

export function weekFeed(database: Database, key: string): Promise<FeedList> {
  return periodList(
    database,
    parseWeek(key),
    `Papers of week ${key}`,
    `/papers/week/${key}`,
    `/feeds/week/${key}`,
  );
}

export function monthFeed(database: Database, key: string): Promise<FeedList> {
  return periodList(
    database,
    parseMonth(key),
    `Papers of ${key}`,
    `/papers/month/${key}`,
    `/feeds/month/${key}`,
  );
}

/** The last `days` listing days up to the newest one with papers. */
async function recentSpan(database: Database, days: number): Promise<{ first: Day; last: Day }> {
  const last = (await latestListingDay(database)) ?? "1970-01-01";
  return { first: addDays(last, 1 - days), last };
}

async function rankedList(
  database: Database,
  ids: readonly string[],
  list: Omit<FeedList, "papers">,
): Promise<FeedList> {
  return { ...list, papers: await databasePaperSource(database).summaries(ids) };
}

/** The trending page's own list, as of now. */
export async function trendingFeed(database: Database, now: Date): Promise<FeedList> {
  const entries = await trendingList(database, now, FEED_SIZE);
  return {
    title: "Trending papers",
    description: `Papers featured in the last ${TRENDING_WINDOW_DAYS} days, by upvotes and comments, discounted by age`,
    pagePath: "/papers/trending",
    feedPath: "/feeds/trending",
    papers: entries.map((entry) => entry.paper),
  };
}

export async function categoryFeed(database: Database, category: string): Promise<FeedList> {
  if (!isCategory(category)) throw invalid(`"${category}" is not an arXiv category such as cs.LG or hep-th`);
  const span = await recentSpan(database, TOPIC_DAYS);
  const ids = await databasePaperSource(database).category(span, category, FEED_SIZE);
  const pagePath = `/search?q=${encodeURIComponent(`cat:${category}`)}`;
  const description = `Papers in ${category} featured in the last ${TOPIC_DAYS} listing days`;
  return rankedList(database, ids, {
    title: `${category} papers`,
    description,
    pagePath,
    feedPath: `/feeds/category/${category}`,
  });
}

export async function searchFeed(database: Database, query: string): Promise<FeedList> {
  const text = query.trim();
  if (text === "" || text.length > MAX_QUERY_LENGTH)
    throw invalid(`a search feed needs a query of 1 to ${MAX_QUERY_LENGTH} characters`);
  const span = await recentSpan(database, TOPIC_DAYS);
  const follow = parseFollow(text);
  const source = databasePaperSource(database);
  const ids =
    follow.kind === "category"
      ? await source.category(span, follow.category, FEED_SIZE)
      : await source.search(span, text, FEED_SIZE);
  const encoded = `?q=${encodeURIComponent(text)}`;
  const description = `Papers matching ${text}, featured in the last ${TOPIC_DAYS} listing days`;
  return rankedList(database, ids, {
    title: `Search: ${text}`,
    description,
    pagePath: `/search${encoded}`,
    feedPath: "/feeds/search",
    query: encoded,
  });
}

/** A subscriber's follows over the last week, behind the secret token from their settings page. */
export async function personalFeed(database: Database, secretKey: string, token: string): Promise<FeedList> {
  const id = personalFeedId(token);
  const subscription = id === null ? null : await getSubscription(database, id);
  if (!subscription || !personalFeedTokenMatches(secretKey, token, subscription.id, subscription.feedKey)) {
    throw notFound("There is no feed at this address.");
  }
  const span = await recentSpan(database, TRENDING_DAYS);
  const builder = new DigestBuilder(databasePaperSource(database), {
    kind: "week",
    key: "personal",
    ...span,
  });
  const picked = pickPapers(await builder.matches(subscription), new Set(), FEED_SIZE);
  const description = "The papers you follow on Paperboy, from the last week";
  return rankedList(
    database,
    picked.map((p) => p.paperId),
    { title: "Your papers", description, pagePath: "/papers", feedPath: `/feeds/personal/${token}` },
  );
}
