import type { Account } from "../core/account.js";
import { MAX_COLLECTION_PAPERS } from "../core/collection.js";
import { findEntry, insertEntry } from "../storage/collection-papers.js";
import { touchCollection } from "../storage/collections.js";
import { storedPaperIds } from "../storage/papers-exist.js";
import { inTransaction } from "../storage/transaction.js";
import { type CollectionDeps, contributeTo } from "./collection-access.js";
import { type FetchPapers, fetchUnknownPapers } from "./import-fetch.js";
import { type ReferenceEntry, type ReferenceFormat, readReferences } from "./references/read-references.js";

/** What an import needs: the collection's database and clock, and a way to fetch papers from arXiv. */
export interface ImportDeps extends CollectionDeps {
  readonly fetchPapers: FetchPapers;
}

/** Something in the file that did not become a paper in the collection, at the line it starts on. */
export interface ImportProblem {
  readonly line: number;
  readonly message: string;
}

/** What an import did. Papers are listed in the file's order; `fetched` were new to this instance. */
export interface ImportReport {
  readonly collectionId: number;
  readonly added: readonly string[];
  readonly alreadyThere: readonly string[];
  readonly fetched: readonly string[];
  readonly problems: readonly ImportProblem[];
}

/**
 * Imports a reference file (BibTeX, RIS or arXiv ids) into a collection, for its owner or an editor. Known
 * papers are added at once, unknown ones fetched from arXiv first; every entry that fails is reported by line
 * and the others are kept. Importing the same file again adds only what was missing.
 */
export async function importIntoCollection(
  deps: ImportDeps,
  account: Account,
  collectionId: number,
  text: string,
  format?: ReferenceFormat,
): Promise<ImportReport> {
  const { collection } = await contributeTo(deps, account, collectionId);
  const { lineOf, problems } = sortEntries(await readReferences(text, format));
  const ids = [...lineOf.keys()];
  const stored = await storedPaperIds(deps.database, ids);
  const unknown = ids.filter((id) => !stored.has(id));
  const { fetched, failed } = await fetchUnknownPapers(deps.fetchPapers, unknown);
  const ready = ids.filter((id) => stored.has(id) || fetched.has(id));
  const room = MAX_COLLECTION_PAPERS - collection.paperCount;
  const { added, alreadyThere, full } = await addAll(deps, account, collectionId, ready, room);
  const tooMany = `did not fit: a collection holds at most ${MAX_COLLECTION_PAPERS} papers`;
  problems.push(
    ...[...failed].map(([id, message]) => ({ line: lineOf.get(id) ?? 0, message })),
    ...full.map((id) => ({ line: lineOf.get(id) ?? 0, message: `${id} ${tooMany}` })),
  );
  problems.sort((a, b) => a.line - b.line);
  return { collectionId, added, alreadyThere, fetched: ready.filter((id) => fetched.has(id)), problems };
}

/** The papers the entries name, each at the first line naming it (a file may name one twice), and the problems. */
function sortEntries(entries: readonly ReferenceEntry[]) {
  const problems: ImportProblem[] = [];
  const lineOf = new Map<string, number>();
  for (const entry of entries) {
    if ("problem" in entry) problems.push({ line: entry.line, message: entry.problem });
    else if (!lineOf.has(entry.paperId)) lineOf.set(entry.paperId, entry.line);
  }
  return { lineOf, problems };
}

/** Adds the papers at the end in one transaction, as far as the collection has room for new ones. */
async function addAll(
  deps: CollectionDeps,
  account: Account,
  collectionId: number,
  ids: readonly string[],
  room: number,
) {
  const added: string[] = [];
  const alreadyThere: string[] = [];
  const full: string[] = [];
  const now = deps.clock.now().toISOString();
  await inTransaction(deps.database, async (tx) => {
    for (const paperId of ids) {
      if (added.length >= room) {
        ((await findEntry(tx, collectionId, paperId)) ? alreadyThere : full).push(paperId);
        continue;
      }
      const entry = { collectionId, paperId, note: "", addedBy: account.id, now };
      ((await insertEntry(tx, entry)) ? added : alreadyThere).push(paperId);
    }
    if (added.length > 0) await touchCollection(tx, collectionId, now);
  });
  return { added, alreadyThere, full };
}
