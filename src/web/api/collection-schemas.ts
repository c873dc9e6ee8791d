import { z } from "zod";
import {
  MAX_DESCRIPTION_LENGTH,
  MAX_NAME_LENGTH,
  MAX_NOTE_LENGTH,
  VISIBILITIES,
} from "../../core/collection.js";
import { HfPaper } from "./hf-schemas.js";
import { apiSchemas } from "./registry.js";

const Visibility = z.enum(VISIBILITIES, { error: "visibility must be private or public" });

export const CollectionOwner = z
  .strictObject({ handle: z.string(), name: z.string().describe("the owner's display name") })
  .register(apiSchemas, { id: "CollectionOwner" });

export const CollectionSummary = z
  .strictObject({
    id: z.number().int(),
    name: z.string(),
    description: z.string(),
    visibility: Visibility,
    isDefault: z.boolean().describe('the account\'s "Saved" collection, where the one-key save goes'),
    owner: CollectionOwner,
    paperCount: z.number().int().min(0),
    url: z.string().describe("the collection's page"),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .register(apiSchemas, { id: "CollectionSummary" });

export const CollectionSummaries = z
  .array(CollectionSummary)
  .register(apiSchemas, { id: "CollectionSummaries" });

export const CollectionItem = z
  .strictObject({
    paper: HfPaper,
    note: z.string().optional().describe("present for the owner and editors only: notes are never public"),
    addedAt: z.string(),
  })
  .register(apiSchemas, { id: "CollectionItem" });

export const Collection = CollectionSummary.extend({
  role: z.enum(["owner", "editor", "reader"]).describe("what the caller is to the collection"),
  editors: z.array(CollectionOwner).describe("members who may add papers; empty for readers"),
  papers: z.array(CollectionItem).describe("in the owner's order"),
}).register(apiSchemas, { id: "Collection" });

export const CollectionBody = z.object({
  name: z.string({ error: "name is required" }).min(1).max(MAX_NAME_LENGTH),
  description: z.string().max(MAX_DESCRIPTION_LENGTH).optional(),
  visibility: Visibility.optional().describe("private (the default) or public"),
});

export const CollectionPatch = CollectionBody.partial();

export const CollectionPaperBody = z.object({
  paperId: z.string({ error: "paperId is required" }).min(1).max(200).describe("an arXiv id or link"),
  note: z.string().max(MAX_NOTE_LENGTH).optional(),
});

export const CollectionPaperPatch = z.object({
  note: z.string().max(MAX_NOTE_LENGTH).optional(),
  place: z.number().int().min(1).optional().describe("1 is the top; past the end means the end"),
});

export const EditorBody = z.object({ handle: z.string({ error: "handle is required" }).min(1).max(100) });

export const CollectionPaperState = z
  .strictObject({
    collectionId: z.number().int(),
    paperId: z.string(),
    added: z.boolean().describe("false when the collection already held the paper"),
  })
  .register(apiSchemas, { id: "CollectionPaperState" });

export const CollectionsQuery = z.object({
  member: z
    .string()
    .max(100)
    .optional()
    .describe("a member's handle: their public collections (no token needed); without it, your own"),
});

export const CollectionParams = z.object({ id: z.coerce.number().int().min(1).describe("a collection id") });
export const CollectionPaperParams = CollectionParams.extend({
  paperId: z.string().describe("an arXiv id, with or without version"),
});
export const EditorParams = CollectionParams.extend({
  handle: z.string().max(100).describe("a member's handle"),
});

export type CollectionSummary = z.infer<typeof CollectionSummary>;
export type Collection = z.infer<typeof Collection>;
export type CollectionPaperState = z.infer<typeof CollectionPaperState>;
