import { z } from "zod";
import { invalid } from "../../core/errors.js";

/** A list page's `page` parameter: pages count from 1, as inside the lists. */
export const pageNumber = z.coerce
  .number({ error: "page must be a whole number from 1" })
  .int("page must be a whole number from 1")
  .min(1, "page must be a whole number from 1")
  .max(10_000)
  .default(1);

/** The page number a list page's address asks for. */
export function parsePage(query: unknown): number {
  const parsed = z.object({ page: pageNumber }).safeParse(query);
  if (!parsed.success) throw invalid(parsed.error.issues[0]?.message ?? "bad page number");
  return parsed.data.page;
}
