import { readFileSync } from "node:fs";
import { expect } from "vitest";
import { fixture } from "../helpers/fixtures.js";

/** Hugging Face's recorded /api/daily_papers answer for 2026-08-03 (three entries). */
export const recorded = JSON.parse(readFileSync(fixture("hf-daily-papers.json"), "utf8")) as Record<
  string,
  unknown
>[];

type Json = unknown;

export function kindOf(value: Json): string {
  if (Array.isArray(value)) return "array";
  if (value === null) return "null";
  return typeof value;
}

/** Every key path in a value with the JSON kind found there, e.g. `paper.authors[].name` -> string. */
export function keyKinds(value: Json, prefix = "", into = new Map<string, Set<string>>()) {
  if (Array.isArray(value)) {
    for (const item of value) keyKinds(item, `${prefix}[]`, into);
    return into;
  }
  if (value && typeof value === "object") {
    for (const [key, child] of Object.entries(value)) {
      const path = prefix ? `${prefix}.${key}` : key;
      into.set(path, (into.get(path) ?? new Set()).add(kindOf(child)));
      keyKinds(child, path, into);
    }
  }
  return into;
}

/** Key paths present in every one of the values (what a client may rely on). */
export function keysInEvery(values: readonly Json[]): Set<string> {
  const [first, ...rest] = values.map((value) => new Set(keyKinds(value).keys()));
  return new Set([...(first ?? [])].filter((key) => rest.every((keys) => keys.has(key))));
}

// What Hugging Face knows and Paperboy has no source for: organisations, uploaded media, claimed authors.
const PAPERBOY_LACKS = /organization|mediaUrls|authors\[\]\.(user|status)/;

/**
 * Checks a list of entries against the recorded answer: no field Hugging Face lacks (but `withdrawnAt`), each
 * of the JSON kinds Hugging Face uses there, and every field Hugging Face always sends.
 */
export function expectHfDailyShape(ours: readonly unknown[]): void {
  expect(ours.length).toBeGreaterThan(0);
  const theirs = keyKinds(recorded);
  for (const [path, kinds] of keyKinds(ours)) {
    expect(theirs.has(path) || path === "[].paper.withdrawnAt", `unknown field ${path}`).toBe(true);
    for (const kind of kinds) expect(theirs.get(path) ?? new Set(["string"]), path).toContain(kind);
  }
  const sent = keysInEvery(ours.map((entry) => [entry]));
  for (const path of keysInEvery(recorded.map((entry) => [entry]))) {
    if (!PAPERBOY_LACKS.test(path)) expect(sent.has(path), `missing ${path}`).toBe(true);
  }
}
