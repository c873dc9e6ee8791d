import { ApiError } from "./hf-schemas.js";
import { errorResponses as e, type Operation } from "./operation.js";
import { PaperParams } from "./queries.js";
import { SaveState } from "./save-schemas.js";

const RATE = ["RateLimit", "RateLimit-Policy"];
const withError = (spec: { description: string; headers?: readonly string[] }) => ({
  ...spec,
  schema: ApiError,
});

const save = (method: "post" | "delete", summary: string): Operation => ({
  id: method === "post" ? "savePaper" : "unsavePaper",
  method,
  path: "/api/papers/{id}/save",
  tag: "Collections",
  summary,
  description:
    'The one-key save: the paper goes into (or out of) the account\'s "Saved" collection, made on first use. ' +
    "Idempotent: the answer says the state after the request. Other collections holding the paper are left alone.",
  params: PaperParams,
  auth: true,
  responses: {
    200: { description: "The save's new state.", schema: SaveState, headers: RATE },
    400: withError(e.invalid),
    401: withError(e.unauthorized),
    404: withError(e.notFound),
    429: withError(e.rateLimited),
  },
});

export const SAVE_OPERATIONS: readonly Operation[] = [
  save("post", "Save a paper"),
  save("delete", "Take a paper out of Saved"),
];
