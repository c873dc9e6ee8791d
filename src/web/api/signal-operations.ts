import { ApiError } from "./hf-schemas.js";
import { errorResponses as e, type Operation } from "./operation.js";
import { PaperParams } from "./queries.js";
import {
  FollowBody,
  NotInterestedState,
  ReaderFollow,
  ReaderFollows,
  ReaderSignalsAnswer,
} from "./signal-schemas.js";

const TAG = "Reader signals";
const RATE = ["RateLimit", "RateLimit-Policy"];
const failure = (spec: { description: string }) => ({ ...spec, schema: ApiError });
const authErrors = { 401: failure(e.unauthorized), 429: failure(e.rateLimited) };

const notInterested = (method: "post" | "delete", summary: string): Operation => ({
  id: method === "post" ? "markNotInterested" : "removeNotInterested",
  method,
  path: "/api/papers/{id}/not-interested",
  tag: TAG,
  summary,
  description: "Private to the token's account, and idempotent: the answer says the state after the request.",
  params: PaperParams,
  auth: true,
  responses: {
    200: { description: "The mark's new state.", schema: NotInterestedState, headers: RATE },
    400: failure(e.invalid),
    404: failure(e.notFound),
    ...authErrors,
  },
});

export const markNotInterested = notInterested("post", "Hide a paper from your lists (not interested)");
export const removeNotInterested = notInterested("delete", "Show a paper you hid again");

export const listFollows: Operation = {
  id: "listFollows",
  method: "get",
  path: "/api/me/follows",
  tag: TAG,
  summary: "The categories and authors the token's account follows, oldest first",
  auth: true,
  responses: { 200: { description: "Follows.", schema: ReaderFollows, headers: RATE }, ...authErrors },
};

export const addFollow: Operation = {
  id: "addFollow",
  method: "post",
  path: "/api/me/follows",
  tag: TAG,
  summary: "Follow an arXiv category or an author",
  description:
    "Author names are folded (accents, case, punctuation, particles; an initial matches a first name): following " +
    "`Y. LeCun` or `Yann Le Cun` is following `yann lecun`. Following again answers the existing follow.",
  body: FollowBody,
  auth: true,
  responses: {
    200: { description: "The follow.", schema: ReaderFollow, headers: RATE },
    400: failure(e.invalid),
    ...authErrors,
  },
};

export const removeFollow: Operation = {
  id: "removeFollow",
  method: "delete",
  path: "/api/me/follows",
  tag: TAG,
  summary: "Stop following a category or an author (same body as following)",
  body: FollowBody,
  auth: true,
  responses: {
    204: { description: "No longer followed." },
    400: failure(e.invalid),
    404: failure({ description: "The account did not follow it." }),
    ...authErrors,
  },
};

export const mySignals: Operation = {
  id: "listMySignals",
  method: "get",
  path: "/api/me/signals",
  tag: TAG,
  summary:
    "Everything the token's account has told Paperboy: upvotes, saves, hidden papers, reading marks, follows",
  auth: true,
  responses: {
    200: { description: "The signals.", schema: ReaderSignalsAnswer, headers: RATE },
    ...authErrors,
  },
};

export const SIGNAL_OPERATIONS: readonly Operation[] = [
  markNotInterested,
  removeNotInterested,
  listFollows,
  addFollow,
  removeFollow,
  mySignals,
];
