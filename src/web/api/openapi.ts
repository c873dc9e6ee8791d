import { z } from "zod";
import type { Operation, ResponseSpec } from "./operation.js";
import { apiSchemas } from "./registry.js";

type Json = Record<string, unknown>;

const HEADERS: Record<string, Json> = {
  RateLimit: { description: 'Remaining quota: `"policy";r=REMAINING;t=SECONDS`', schema: { type: "string" } },
  "RateLimit-Policy": {
    description: 'The quota: `"policy";q=REQUESTS;w=SECONDS`',
    schema: { type: "string" },
  },
  "Retry-After": { description: "Seconds to wait before trying again.", schema: { type: "integer" } },
  Link: {
    description: 'The next page: `<URL>; rel="next"`, absent on the last page.',
    schema: { type: "string" },
  },
};

/** A JSON Schema without the keys that only make sense at a document's root. */
function bare(schema: Json): Json {
  const { $schema: _schema, $id: _id, ...rest } = schema;
  return rest;
}

function schemaOf(schema: z.ZodType, io: "input" | "output"): Json {
  const id = apiSchemas.get(schema)?.id;
  if (id) return { $ref: `#/components/schemas/${id}` };
  return bare(z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" }) as Json);
}

function parameters(schema: z.ZodObject | undefined, where: "query" | "path"): Json[] {
  if (!schema) return [];
  const json = z.toJSONSchema(schema, { target: "draft-2020-12", io: "input" }) as {
    properties?: Record<string, Json>;
    required?: string[];
  };
  return Object.entries(json.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property;
    const required = where === "path" || (json.required ?? []).includes(name);
    return { name, in: where, required, ...(description ? { description } : {}), schema: rest };
  });
}

function response(spec: ResponseSpec): Json {
  const contentType = spec.contentType ?? "application/json";
  const schema = spec.schema ? schemaOf(spec.schema, "output") : { type: "string" };
  const headers = Object.fromEntries((spec.headers ?? []).map((name) => [name, HEADERS[name]]));
  return {
    description: spec.description,
    content: { [contentType]: { schema } },
    ...(spec.headers?.length ? { headers } : {}),
  };
}

function operationObject(op: Operation): Json {
  const object: Json = {
    operationId: op.id,
    summary: op.summary,
    tags: [op.tag],
    parameters: [...parameters(op.params, "path"), ...parameters(op.query, "query")],
    responses: Object.fromEntries(
      Object.entries(op.responses).map(([status, spec]) => [status, response(spec)]),
    ),
  };
  if (op.description) object.description = op.description;
  if (op.body) {
    object.requestBody = {
      required: true,
      content: { "application/json": { schema: schemaOf(op.body, "input") } },
    };
  }
  if (op.auth) object.security = [{ bearerToken: [] }];
  return object;
}

function components(): Json {
  const generated = z.toJSONSchema(apiSchemas, {
    target: "draft-2020-12",
    uri: (id) => `#/components/schemas/${id}`,
  }) as { schemas: Record<string, Json> };
  const schemas = Object.fromEntries(Object.entries(generated.schemas).map(([id, s]) => [id, bare(s)]));
  const securitySchemes = {
    bearerToken: { type: "http", scheme: "bearer", description: "An API token created on /settings." },
  };
  return { schemas, securitySchemes };
}

/** The OpenAPI 3.1 document, generated from the operations and the schemas the routes validate with. */
export function openApiDocument(operations: readonly Operation[], baseUrl: string): Json {
  const paths: Record<string, Json> = {};
  for (const op of operations) paths[op.path] = { ...paths[op.path], [op.method]: operationObject(op) };
  return {
    openapi: "3.1.0",
    info: {
      title: "Paperboy API",
      version: "1.0.0",
      description:
        "Hugging Face's papers API at this instance's address (change the base URL, keep the code), plus " +
        "Paperboy's own endpoints. Reads need no token and allow any origin; writes take `Authorization: Bearer`.",
    },
    servers: [{ url: baseUrl }],
    paths,
    components: components(),
  };
}
