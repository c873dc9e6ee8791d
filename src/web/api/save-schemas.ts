import { z } from "zod";
import { apiSchemas } from "./registry.js";

export const SaveState = z
  .strictObject({
    paperId: z.string(),
    saved: z.boolean().describe('whether the paper is now in the account\'s "Saved" collection'),
    collectionId: z.number().int().describe('the id of the account\'s "Saved" collection'),
  })
  .register(apiSchemas, { id: "SaveState" });

export type SaveState = z.infer<typeof SaveState>;
