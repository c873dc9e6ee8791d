import { LRUCache } from "lru-cache";
import { overloaded } from "../core/errors.js";
import { withDeadline } from "../storage/deadline.js";
import type { WorkGate } from "./work-gate.js";

/**
 * What every search answered to readers runs under: a time limit, a gate that bounds how many run and wait,
 * and one result shared by identical searches while the data stays the same.
 */
export interface SearchBudget {
  /** No search takes longer: past it, the best results found in time are answered, marked partial. */
  readonly timeMs: number;
  readonly gate: WorkGate;
  readonly shared: SharedSearches;
  /**
   * What the results are computed from: the data version (storage/data-version.ts) and the generation of the
   * process's vector index, which can lag the data (search/semantic-index.ts). A shared result stands only
   * while both are unchanged.
   */
  version(): Promise<string>;
}

/** How long identical searches share one result at most, even with no write in between. */
const SHARED_FOR_MS = 60_000;
const SHARED_SEARCHES = 500;

/** A search's answer as far as sharing cares: a partial one (out of time) is not kept for others. */
interface Answer {
  readonly partial?: boolean;
}

/** Identical searches within a short window share one result, also while it is still being computed. */
export class SharedSearches {
  private readonly results = new LRUCache<string, Promise<Answer>>({
    max: SHARED_SEARCHES,
    ttl: SHARED_FOR_MS,
  });

  async share<A extends Answer>(key: string, search: () => Promise<A>): Promise<A> {
    // Keys hold the request, and one kind of request always has one kind of answer.
    const known = this.results.get(key) as Promise<A> | undefined;
    if (known) return known;
    const result = search();
    this.results.set(key, result);
    // A refusal (overload) or a partial result is not shared past its own computation: the next search
    // may have the time this one lacked.
    result.then(
      (outcome) => (outcome.partial ? this.results.delete(key) : undefined),
      () => this.results.delete(key),
    );
    return result;
  }
}

/** Runs work under the budget's gate, with its statements stopped at the deadline. */
export function budgetedWork<T>(budget: SearchBudget, work: () => Promise<T>): Promise<T> {
  const started = Date.now();
  return budget.gate.run(() => {
    const deadline = started + budget.timeMs;
    // Waiting in line used the whole budget: answering now would be an empty page, so say it is busy.
    if (Date.now() >= deadline)
      throw overloaded("Searches are queued past their time. Try again in a moment.", 2);
    return withDeadline(deadline, work);
  });
}

/** Runs one search under the budget: shared with identical ones, gated, and stopped at its deadline. */
export async function budgeted<A extends Answer>(
  budget: SearchBudget,
  request: unknown,
  search: () => Promise<A>,
): Promise<A> {
  const key = JSON.stringify([await budget.version(), request]);
  return budget.shared.share(key, () => budgetedWork(budget, search));
}
