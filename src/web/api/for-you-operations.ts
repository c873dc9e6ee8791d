import { ForYouEntries, ForYouQuery } from "./for-you-schemas.js";
import { ApiError } from "./hf-schemas.js";
import { errorResponses as e, type Operation } from "./operation.js";

const failure = (spec: { description: string }) => ({ ...spec, schema: ApiError });

export const forYou: Operation = {
  id: "forYou",
  method: "get",
  path: "/api/me/for-you",
  tag: "Reader signals",
  summary: "Your For you: the best of the last days' papers for the token's account, with reasons",
  description:
    "Entries in the shape of /api/daily_papers plus `score` and `reasons`. Below three signals the order is " +
    "trending with your follows first (`For-You-Cold-Start: true`); `For-You-Signals` counts your signals.",
  query: ForYouQuery,
  auth: true,
  responses: {
    200: {
      description: "Your picks, best first.",
      schema: ForYouEntries,
      headers: ["For-You-Cold-Start", "For-You-Signals", "RateLimit", "RateLimit-Policy"],
    },
    400: failure(e.invalid),
    401: failure(e.unauthorized),
    429: failure(e.rateLimited),
  },
};

export const FOR_YOU_OPERATIONS: readonly Operation[] = [forYou];
