import { z } from "zod";
import { apiSchemas } from "./registry.js";

/** The shapes of a reader's own signals: private answers, only ever about the token's account. */
export const NotInterestedState = z
  .strictObject({
    paperId: z.string(),
    notInterested: z.boolean().describe("whether the paper is now hidden from the token's account"),
  })
  .register(apiSchemas, { id: "NotInterestedState" });

export const ReaderFollow = z
  .strictObject({
    kind: z.enum(["category", "author"]),
    value: z.string().describe("a category, or an author's folded name (accents, case, particles folded)"),
    label: z.string().describe("what was followed, as written"),
    createdAt: z.string(),
  })
  .register(apiSchemas, { id: "ReaderFollow" });

export const ReaderFollows = z.array(ReaderFollow).register(apiSchemas, { id: "ReaderFollows" });

export const FollowBody = z.object({
  kind: z.enum(["category", "author"], { error: "kind must be category or author" }),
  value: z
    .string({ error: "value is required" })
    .min(1, "value is required")
    .max(200, "value is at most 200 characters")
    .describe("an arXiv category (cs.LG) or an author's name as written (Yann LeCun)"),
});

const PaperSignal = z
  .strictObject({ paperId: z.string(), at: z.string().describe("when the reader gave the signal") })
  .register(apiSchemas, { id: "PaperSignal" });

export const ReaderSignalsAnswer = z
  .strictObject({
    upvoted: z.array(PaperSignal),
    saved: z.array(PaperSignal).describe("papers in any of the account's collections"),
    notInterested: z.array(PaperSignal),
    read: z.array(PaperSignal),
    follows: ReaderFollows,
  })
  .register(apiSchemas, {
    id: "ReaderSignals",
    description: "Everything the token's account has told Paperboy, newest first in each kind.",
  });

export type NotInterestedState = z.infer<typeof NotInterestedState>;
export type ReaderFollow = z.infer<typeof ReaderFollow>;
export type ReaderSignalsAnswer = z.infer<typeof ReaderSignalsAnswer>;
