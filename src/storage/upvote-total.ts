import { type RawBuilder, sql } from "kysely";

/**
 * A featured paper's upvotes as readers see them: the local upvotes plus those imported from Hugging Face
 * (`external_upvotes`), for the listing entry named `entry`. Every list that orders by upvotes uses this one
 * expression. It is spelled out rather than selected under an alias: PostgreSQL does not see select aliases
 * inside other expressions.
 */
export function upvoteTotal(entry = "l"): RawBuilder<number> {
  const paperId = sql.ref(`${entry}.paper_id`);
  const external = sql.ref(`${entry}.external_upvotes`);
  return sql<number>`((select count(*) from upvotes v where v.paper_id = ${paperId}) + coalesce(${external}, 0))`;
}
