import fastifyMultipart from "@fastify/multipart";
import type { FastifyInstance } from "fastify";
import { h } from "preact";
import { z } from "zod";
import { accessCollection } from "../../../community/collection-access.js";
import { importIntoCollection } from "../../../community/collection-import.js";
import { MAX_REFERENCE_FILE_BYTES } from "../../../community/references/read-references.js";
import { invalid } from "../../../core/errors.js";
import type { Services } from "../../../services.js";
import { importDeps } from "../../api/collection-import-routes.js";
import { requireAccount } from "../../auth/guards.js";
import { parseForm } from "../../form.js";
import { enforceRateLimit, RATE_RULES } from "../../rate-limit.js";
import { sendPage } from "../send-page.js";
import { ImportReportPage } from "./import-report-page.js";

const idParams = z.object({ id: z.coerce.number().int().min(1).max(1e12) });
const importForm = z.object({
  text: z.string().default(""),
  file: z.instanceof(Buffer).optional(),
});

/** The file's text when one was chosen, else the pasted text. */
function referenceText(form: z.infer<typeof importForm>): string {
  const text = form.file && form.file.length > 0 ? form.file.toString("utf8") : form.text;
  if (text.trim() === "") throw invalid("Choose a file or paste ids, links, BibTeX or RIS to import.");
  return text;
}

/**
 * `POST /collections/ID/import`: the import form, which sends a file. Multipart bodies are read only in this
 * scope, kept in memory up to the reference file limit, and carry the CSRF field like every form.
 */
export function registerImportForm(app: FastifyInstance, services: Services) {
  app.register(async (scope) => {
    await scope.register(fastifyMultipart, {
      attachFieldsToBody: "keyValues",
      limits: {
        files: 1,
        fields: 4,
        fileSize: MAX_REFERENCE_FILE_BYTES,
        fieldSize: MAX_REFERENCE_FILE_BYTES,
      },
    });
    scope.post<{ Params: { id: string } }>("/collections/:id/import", async (request, reply) => {
      const account = requireAccount(request);
      await enforceRateLimit(services, request, reply, RATE_RULES.importReferences, String(account.id));
      const { id } = parseForm(idParams, request.params);
      const text = referenceText(parseForm(importForm, request.body));
      const report = await importIntoCollection(importDeps(services), account, id, text);
      const { collection } = await accessCollection(services, account, id);
      return sendPage(reply.header("cache-control", "no-store"), h(ImportReportPage, { collection, report }));
    });
  });
}
