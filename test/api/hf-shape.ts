import { readFileSync } from "node:fs";
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
