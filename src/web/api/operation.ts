import type { z } from "zod";

/** One response an operation can give: a JSON schema from the registry, or text of a content type. */
export interface ResponseSpec {
  readonly description: string;
  readonly schema?: z.ZodType;
  /** For non-JSON answers (Markdown, BibTeX). */
  readonly contentType?: string;
  readonly headers?: readonly string[];
}

/**
 * An API operation as the OpenAPI document describes it. Routes parse their input with the same `query`,
 * `params` and `body` schemas, and answer with the `responses` schemas, so the document cannot drift.
 */
export interface Operation {
  readonly id: string;
  readonly method: "get" | "post" | "put" | "patch" | "delete";
  /** OpenAPI path template, e.g. /api/papers/{id}. */
  readonly path: string;
  readonly summary: string;
  readonly description?: string;
  readonly tag: string;
  readonly query?: z.ZodObject;
  readonly params?: z.ZodObject;
  readonly body?: z.ZodType;
  /** True when the operation needs `Authorization: Bearer TOKEN`. */
  readonly auth?: boolean;
  readonly responses: Readonly<Record<number, ResponseSpec>>;
}

export const errorResponses = {
  invalid: { description: "The request is malformed; `message` says which parameter and why." },
  unauthorized: { description: "No valid API token in `Authorization: Bearer TOKEN`." },
  notFound: { description: "No such paper here." },
  rateLimited: {
    description: "Too many requests; wait for the seconds in `Retry-After`.",
    headers: ["RateLimit", "RateLimit-Policy", "Retry-After"],
  },
} as const;
