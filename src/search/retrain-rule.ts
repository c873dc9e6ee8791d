import type { EmbedderIdentity } from "../storage/embedding-types.js";

/**
 * The built-in model is retrained once the instance holds this many times the papers it held when the model
 * was trained: on the real corpus a model found 1.6 points fewer of the newest papers by their titles at twice
 * (3 points at four times; `npm run bench -- retrain-drift`, docs/search.md#retraining).
 */
export const RETRAIN_GROWTH = 2;

/** How many papers the instance held when this LSA model was trained (its version says), or null. */
export function trainedAtPapers(identity: EmbedderIdentity): number | null {
  if (identity.name !== "lsa") return null;
  const match = /^\d+d-(\d+)-/.exec(identity.version);
  return match ? Number(match[1]) : null;
}

/** Whether the rule says to retrain: only built-in models are trained here, and only they drift. */
export function retrainDue(identity: EmbedderIdentity, papers: number): boolean {
  const trainedAt = trainedAtPapers(identity);
  return trainedAt !== null && trainedAt > 0 && papers >= RETRAIN_GROWTH * trainedAt;
}
