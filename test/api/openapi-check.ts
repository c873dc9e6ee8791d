import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

type Json = Record<string, unknown>;

/**
 * Checks real answers against the OpenAPI document: the status must be documented for the operation, the
 * content type must match, and a JSON body must validate (with ajv, JSON Schema 2020-12) against the schema the
 * document gives for that status.
 */
export function documentChecker(document: Json) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema({ ...document, $id: "openapi" });

  return function check(method: string, template: string, status: number, contentType: string, body: string) {
    const paths = document.paths as Record<string, Record<string, Json>>;
    const operation = paths[template]?.[method.toLowerCase()];
    if (!operation) throw new Error(`${method} ${template} is not in the document`);
    const response = (operation.responses as Record<string, Json>)[String(status)];
    if (!response) throw new Error(`${method} ${template} does not document status ${status}`);
    const content = response.content as Record<string, { schema: Json }>;
    const type = contentType.split(";")[0]?.trim() ?? "";
    const media = content[type];
    if (!media) throw new Error(`${method} ${template} ${status} does not document ${type}`);
    if (type !== "application/json") return;
    const schema = JSON.stringify(media.schema).replaceAll('"#/components', '"openapi#/components');
    const validate = ajv.compile(JSON.parse(schema));
    if (!validate(JSON.parse(body))) {
      throw new Error(`${method} ${template} ${status}: ${ajv.errorsText(validate.errors)}`);
    }
  };
}
