import type { z } from "zod";
import { invalid } from "../../core/errors.js";

/** Parses a request part with its schema, or throws `invalid` naming the first problem and where it is. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, where: string): z.infer<S> {
  const parsed = schema.safeParse(value ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.join(".");
  throw invalid(`${field ? `${where} ${field}: ` : `${where}: `}${issue?.message ?? "not understood"}`);
}
