import { CodeSpans } from "../components/code-spans.js";

type Json = Record<string, unknown>;

interface Parameter {
  readonly name: string;
  readonly in: string;
  readonly required: boolean;
  readonly description?: string;
  readonly schema: Json;
}

/** A schema in a few words: `integer 1–100, default 50`, `HfPaper[]`, `one of publishedAt, trending`. */
export function describeSchema(schema: Json | undefined): string {
  if (!schema) return "";
  if (typeof schema.$ref === "string") return schema.$ref.split("/").at(-1) ?? "";
  if (schema.type === "array") return `${describeSchema(schema.items as Json)}[]`;
  const parts: string[] = [];
  if (Array.isArray(schema.enum)) parts.push(`one of ${schema.enum.join(", ")}`);
  else if (schema.const !== undefined) parts.push(JSON.stringify(schema.const));
  else parts.push(String(schema.type ?? "any"));
  const { minimum: min, maximum: max } = schema;
  if (typeof min === "number" && typeof max === "number" && max < 1e9) parts.push(`${min}–${max}`);
  else if (typeof min === "number") parts.push(`≥ ${min}`);
  if (typeof schema.pattern === "string" && schema.pattern.length < 40)
    parts.push(`matching ${schema.pattern}`);
  if (schema.default !== undefined) parts.push(`default ${JSON.stringify(schema.default)}`);
  return parts.join(", ");
}

function Parameters({ parameters }: { readonly parameters: readonly Parameter[] }) {
  if (parameters.length === 0) return null;
  return (
    <table class="api-table">
      <thead>
        <tr>
          <th scope="col">parameter</th>
          <th scope="col">in</th>
          <th scope="col">type</th>
          <th scope="col">meaning</th>
        </tr>
      </thead>
      <tbody>
        {parameters.map((p) => (
          <tr key={`${p.in}:${p.name}`}>
            <td>
              <code>{p.name}</code>
              {p.required ? " (required)" : ""}
            </td>
            <td>{p.in}</td>
            <td>{describeSchema(p.schema)}</td>
            <td>
              <CodeSpans text={p.description} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Responses({ responses }: { readonly responses: Record<string, Json> }) {
  return (
    <ul class="api-responses">
      {Object.entries(responses).map(([status, response]) => {
        const content = (response.content ?? {}) as Record<string, { schema?: Json }>;
        const [type, body] = Object.entries(content)[0] ?? ["", {}];
        return (
          <li key={status}>
            <strong>{status}</strong> <CodeSpans text={response.description} />{" "}
            <span class="muted">
              {type} {describeSchema(body.schema)}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

function OperationSection({ method, path, op }: { method: string; path: string; op: Json }) {
  const id = String(op.operationId);
  return (
    <section class="api-operation" id={id} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>
        <code>
          {method.toUpperCase()} {path}
        </code>
      </h3>
      <p>
        <CodeSpans text={op.summary} />
        {op.security ? " Needs an API token: Authorization: Bearer TOKEN." : ""}
      </p>
      {op.description ? (
        <p>
          <CodeSpans text={op.description} />
        </p>
      ) : null}
      <Parameters parameters={(op.parameters ?? []) as Parameter[]} />
      <Responses responses={(op.responses ?? {}) as Record<string, Json>} />
    </section>
  );
}

export function operationsByTag(document: Json): Map<string, { method: string; path: string; op: Json }[]> {
  const groups = new Map<string, { method: string; path: string; op: Json }[]>();
  for (const [path, item] of Object.entries((document.paths ?? {}) as Record<string, Record<string, Json>>)) {
    for (const [method, op] of Object.entries(item)) {
      const tag = String((op.tags as string[] | undefined)?.[0] ?? "Other");
      groups.set(tag, [...(groups.get(tag) ?? []), { method, path, op }]);
    }
  }
  return groups;
}

export { OperationSection };
