import type { z } from "zod";
import { invalid } from "../core/errors.js";

type Issue = z.core.$ZodIssue;

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/**
 * The first problem zod found, in words for the person who sent the form or query. A schema's own messages
 * are kept; zod's generic type messages ("Invalid input: expected string, received array") are rewritten.
 */
export function describeIssue(issue: Issue, input: unknown): string {
  // A schema's own message (`{ error: ... }`) stands; zod's defaults all start this way.
  if (issue.code !== "invalid_type" || !issue.message.startsWith("Invalid input")) return issue.message;
  const value = valueAt(input, issue.path);
  if (value === undefined) return "is required";
  if (Array.isArray(value)) return "was given more than once";
  if (issue.expected === "number" || issue.expected === "int") return "must be a number";
  if (issue.expected === "string") return "must be text";
  return issue.message;
}

/** Validates input against a schema, or throws `invalid` naming where the first problem is and what it is. */
export function parseOrExplain<S extends z.ZodType>(schema: S, input: unknown, where: string): z.infer<S> {
  const parsed = schema.safeParse(input ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const place = [where, issue?.path.join(".")].filter(Boolean).join(" ") || "form";
  throw invalid(issue ? `${place}: ${describeIssue(issue, input)}` : `${place} is incomplete`);
}

/** Validates a form body (or a page's query) against a zod schema; the first problem becomes `invalid`. */
export function parseForm<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  return parseOrExplain(schema, input, "");
}
