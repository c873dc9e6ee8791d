import type { z } from "zod";
import { invalid } from "../core/errors.js";

/** Validates a form body (or query) against a zod schema; the first problem becomes a readable `invalid`. */
export function parseForm<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalid(issue ? `${issue.path.join(".") || "form"}: ${issue.message}` : "the form is incomplete");
  }
  return parsed.data;
}
