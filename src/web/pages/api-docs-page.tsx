import { CodeSpans } from "../components/code-spans.js";
import { Layout } from "../components/layout.js";
import { describeSchema, OperationSection, operationsByTag } from "./api-reference-page.js";

type Json = Record<string, unknown>;

function SchemaSection({ name, schema }: { readonly name: string; readonly schema: Json }) {
  const properties = (schema.properties ?? {}) as Record<string, Json>;
  const required = new Set((schema.required ?? []) as string[]);
  return (
    <section class="api-schema" id={`schema-${name}`}>
      <h3>
        <code>{name}</code>
      </h3>
      {schema.description ? (
        <p>
          <CodeSpans text={schema.description} />
        </p>
      ) : null}
      {schema.type === "array" ? <p>A list of {describeSchema(schema.items as Json)}.</p> : null}
      <ul>
        {Object.entries(properties).map(([field, property]) => (
          <li key={field}>
            <code>{field}</code>
            {required.has(field) ? "" : " (optional)"}: {describeSchema(property)}
            {property.description ? (
              <>
                {" — "}
                <CodeSpans text={property.description} />
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The human-readable API reference, rendered on the server from the OpenAPI document itself. */
export function ApiDocsPage({ document }: { readonly document: Json }) {
  const info = (document.info ?? {}) as Json;
  const schemas = ((document.components as Json | undefined)?.schemas ?? {}) as Record<string, Json>;
  return (
    <Layout title="API reference" description="Paperboy's JSON API: Hugging Face compatible, documented.">
      <article class="api-docs">
        <h1>API reference</h1>
        <p>
          <CodeSpans text={info.description} />
        </p>
        <p>
          Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI{" "}
          {String(document.openapi)}). Errors answer JSON <code>{'{"error": code, "message": text}'}</code>{" "}
          with the matching status, and the message in the <code>X-Error-Message</code> header. Every API
          answer carries <code>RateLimit</code> and <code>RateLimit-Policy</code> headers; over the limit the
          answer is 429 with <code>Retry-After</code>.
        </p>
        {[...operationsByTag(document)].map(([tag, operations]) => (
          <section key={tag} aria-label={tag}>
            <h2>{tag}</h2>
            {operations.map((entry) => (
              <OperationSection key={`${entry.method} ${entry.path}`} {...entry} />
            ))}
          </section>
        ))}
        <h2>Shapes</h2>
        {Object.entries(schemas).map(([name, schema]) => (
          <SchemaSection key={name} name={name} schema={schema} />
        ))}
      </article>
    </Layout>
  );
}
