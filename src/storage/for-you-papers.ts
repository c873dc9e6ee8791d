import type { Day } from "../core/listing-day.js";
import type { Database } from "./database.js";
import type { EmbedderIdentity } from "./embedding-types.js";

/** A paper as the For you model reads it: text, authors, categories, and the embedder's vector if stored. */
export interface ForYouPaperRow {
  readonly id: string;
  readonly title: string;
  readonly abstract: string;
  readonly authors: readonly string[];
  readonly categories: readonly string[];
  readonly vector: Float32Array | null;
}

function toVector(bytes: Uint8Array): Float32Array {
  const copy = Uint8Array.from(bytes);
  return new Float32Array(copy.buffer, 0, copy.byteLength / 4);
}

async function listsOf(database: Database, ids: readonly string[]) {
  const [authors, categories] = await Promise.all([
    database.kysely
      .selectFrom("paper_authors")
      .select(["paper_id", "name as value"])
      .where("paper_id", "in", ids)
      .orderBy("paper_id")
      .orderBy("position")
      .execute(),
    database.kysely
      .selectFrom("paper_categories")
      .select(["paper_id", "category as value"])
      .where("paper_id", "in", ids)
      .orderBy("paper_id")
      .orderBy("position")
      .execute(),
  ]);
  const group = (rows: readonly { paper_id: string; value: string }[]) => {
    const out = new Map<string, string[]>();
    for (const row of rows) out.set(row.paper_id, [...(out.get(row.paper_id) ?? []), row.value]);
    return out;
  };
  return { authors: group(authors), categories: group(categories) };
}

/** The papers among `ids` (unknown ones left out, order not kept), with vectors of this embedder identity. */
export async function forYouPapers(
  database: Database,
  ids: readonly string[],
  embedder: EmbedderIdentity | null,
): Promise<ForYouPaperRow[]> {
  if (ids.length === 0) return [];
  const [rows, lists, vectors] = await Promise.all([
    database.kysely.selectFrom("papers").select(["id", "title", "abstract"]).where("id", "in", ids).execute(),
    listsOf(database, ids),
    embedder
      ? database.kysely
          .selectFrom("paper_embeddings")
          .select(["paper_id", "vector"])
          .where("embedder", "=", embedder.name)
          .where("version", "=", embedder.version)
          .where("paper_id", "in", ids)
          .execute()
      : Promise.resolve([]),
  ]);
  const vectorOf = new Map(vectors.map((row) => [row.paper_id, toVector(row.vector)]));
  return rows.map((row) => ({
    ...row,
    authors: lists.authors.get(row.id) ?? [],
    categories: lists.categories.get(row.id) ?? [],
    vector: vectorOf.get(row.id) ?? null,
  }));
}

/** Every paper id in id order: what the unrated sample is drawn from. */
export async function allPaperIds(database: Database): Promise<string[]> {
  const rows = await database.kysely.selectFrom("papers").select("id").orderBy("id").execute();
  return rows.map((row) => row.id);
}

/**
 * The papers of the days first..last, in id order: the new papers arXiv announced on them and the papers featured
 * on them (most are both; a submitted paper may be featured long after its announcement).
 */
export async function papersOfDays(database: Database, first: Day, last: Day): Promise<string[]> {
  const [featured, announced] = await Promise.all([
    database.kysely
      .selectFrom("listing_entries")
      .select("paper_id")
      .where("listing_day", ">=", first)
      .where("listing_day", "<=", last)
      .execute(),
    database.kysely
      .selectFrom("announcements")
      .select("paper_id")
      .where("arxiv_day", ">=", first)
      .where("arxiv_day", "<=", last)
      .execute(),
  ]);
  return [...new Set([...featured, ...announced].map((row) => row.paper_id))].sort();
}
