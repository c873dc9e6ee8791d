import { isCategory } from "../core/categories.js";
import { invalid } from "../core/errors.js";
import { type CategoryCount, categoryCounts } from "../storage/categories.js";
import type { Database } from "../storage/database.js";
import { featuredPage } from "./featured.js";
import type { PageRequest, PaperList } from "./paper-list.js";
import { recentDays } from "./recent-days.js";

/** Listing days a category's list reaches back, from the newest day with papers. */
export const CATEGORY_DAYS = 30;
export const CATEGORY_PAGE_SIZE = 50;

export interface CategoryList extends PaperList {
  readonly category: string;
}

/** One page of the papers in an arXiv category featured in the last CATEGORY_DAYS listing days, most upvoted first. */
export async function categoryList(
  database: Database,
  category: string,
  request: PageRequest,
): Promise<CategoryList> {
  if (!isCategory(category)) throw invalid(`"${category}" is not an arXiv category such as cs.LG or hep-th`);
  const span = await recentDays(database, CATEGORY_DAYS);
  const list = await featuredPage(database, { ...span, category, sort: "upvotes" }, request, {
    title: `${category} papers`,
    description: `Papers in ${category} featured in the last ${CATEGORY_DAYS} listing days`,
    pagePath: `/papers/category/${category}`,
    feedPath: `/feeds/category/${category}`,
  });
  return { ...list, category };
}

/** Every category of the papers here with how many papers it has, largest first: where category lists start. */
export function everyCategory(database: Database): Promise<CategoryCount[]> {
  return categoryCounts(database);
}
