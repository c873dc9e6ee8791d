import { z } from "zod";
import { REFERENCE_FORMATS } from "../../community/references/read-references.js";
import { apiSchemas } from "./registry.js";

export const ImportBody = z.object({
  text: z
    .string({ error: "text is required: the reference file's content" })
    .min(1, { error: "text is empty" })
    .describe("a BibTeX or RIS file's content, or arXiv ids and links (any number a line)"),
  format: z
    .enum(REFERENCE_FORMATS, { error: "format must be bibtex, ris or ids" })
    .optional()
    .describe("read from the text when absent"),
});

const ImportProblem = z.strictObject({
  line: z.number().int().min(0).describe("where the entry starts in the text, from 1"),
  message: z.string(),
});

export const ImportReport = z
  .strictObject({
    collectionId: z.number().int(),
    added: z.array(z.string()).describe("papers now in the collection, in the file's order"),
    alreadyThere: z.array(z.string()).describe("papers the collection already held"),
    fetched: z.array(z.string()).describe("papers fetched from arXiv for this import"),
    problems: z
      .array(ImportProblem)
      .describe("entries that did not become papers (bad entries, unknown ids, arXiv unreachable)"),
  })
  .register(apiSchemas, { id: "ImportReport" });
