import { ImportBody, ImportReport } from "./collection-import-schemas.js";
import {
  Collection,
  CollectionBody,
  CollectionPaperBody,
  CollectionPaperParams,
  CollectionPaperPatch,
  CollectionPaperState,
  CollectionParams,
  CollectionPatch,
  CollectionSummaries,
  CollectionSummary,
  CollectionsQuery,
  EditorBody,
  EditorParams,
} from "./collection-schemas.js";
import { ApiError } from "./hf-schemas.js";
import { errorResponses as e, type Operation, type ResponseSpec } from "./operation.js";

const TAG = "Collections";
const RATE = ["RateLimit", "RateLimit-Policy"];
const failure = (description: string): ResponseSpec => ({ description, schema: ApiError });
const errors = {
  400: failure(e.invalid.description),
  401: failure(e.unauthorized.description),
  404: failure("No such collection, or it is private and not yours (or no such paper)."),
  429: { ...failure(e.rateLimited.description), headers: e.rateLimited.headers },
};
const writeErrors = {
  ...errors,
  403: failure(
    "The collection is someone else's: only its owner (or an editor, to add papers) may change it.",
  ),
};
const done = { 204: { description: "Done." } };

const op = (spec: Omit<Operation, "tag">): Operation => ({ tag: TAG, ...spec });

export const COLLECTION_OPERATIONS: readonly Operation[] = [
  op({
    id: "listCollections",
    method: "get",
    path: "/api/collections",
    summary: "Your collections (with a token), or a member's public ones (?member=HANDLE, no token needed)",
    query: CollectionsQuery,
    responses: {
      200: { description: "Collections.", schema: CollectionSummaries, headers: RATE },
      ...errors,
    },
  }),
  op({
    id: "createCollection",
    method: "post",
    path: "/api/collections",
    summary: "Make a collection (private unless visibility is public)",
    body: CollectionBody,
    auth: true,
    responses: {
      201: { description: "The new collection.", schema: CollectionSummary, headers: RATE },
      ...errors,
    },
  }),
  op({
    id: "getCollection",
    method: "get",
    path: "/api/collections/{id}",
    summary: "A collection with its papers in order; public ones need no token, notes only for its members",
    params: CollectionParams,
    responses: { 200: { description: "The collection.", schema: Collection, headers: RATE }, ...errors },
  }),
  op({
    id: "updateCollection",
    method: "patch",
    path: "/api/collections/{id}",
    summary: "Rename, describe or share a collection (owner only)",
    params: CollectionParams,
    body: CollectionPatch,
    auth: true,
    responses: {
      200: { description: "The collection now.", schema: CollectionSummary, headers: RATE },
      ...writeErrors,
    },
  }),
  op({
    id: "deleteCollection",
    method: "delete",
    path: "/api/collections/{id}",
    summary: "Delete a collection and its notes (owner only)",
    params: CollectionParams,
    auth: true,
    responses: { ...done, ...writeErrors },
  }),
  op({
    id: "addCollectionPaper",
    method: "post",
    path: "/api/collections/{id}/papers",
    summary: "Add a paper at the end (owner or editor); adding it again changes nothing",
    params: CollectionParams,
    body: CollectionPaperBody,
    auth: true,
    responses: {
      200: { description: "What happened.", schema: CollectionPaperState, headers: RATE },
      ...writeErrors,
    },
  }),
  op({
    id: "updateCollectionPaper",
    method: "patch",
    path: "/api/collections/{id}/papers/{paperId}",
    summary:
      "Change a paper's note, or move it to a place (owner; editors may change their own papers' notes)",
    params: CollectionPaperParams,
    body: CollectionPaperPatch,
    auth: true,
    responses: { ...done, ...writeErrors },
  }),
  op({
    id: "removeCollectionPaper",
    method: "delete",
    path: "/api/collections/{id}/papers/{paperId}",
    summary: "Take a paper out (owner; editors only papers they added)",
    params: CollectionPaperParams,
    auth: true,
    responses: { ...done, ...writeErrors },
  }),
  op({
    id: "importIntoCollection",
    method: "post",
    path: "/api/collections/{id}/import",
    summary:
      "Import a BibTeX or RIS file, or arXiv ids and links (owner or editor): known papers are added at once, " +
      "unknown ones fetched from arXiv; each entry that fails is reported by line, the rest kept",
    params: CollectionParams,
    body: ImportBody,
    auth: true,
    responses: {
      200: { description: "What the import did.", schema: ImportReport, headers: RATE },
      ...writeErrors,
    },
  }),
  op({
    id: "addCollectionEditor",
    method: "post",
    path: "/api/collections/{id}/editors",
    summary: "Let a member add papers (owner only)",
    params: CollectionParams,
    body: EditorBody,
    auth: true,
    responses: { ...done, ...writeErrors },
  }),
  op({
    id: "removeCollectionEditor",
    method: "delete",
    path: "/api/collections/{id}/editors/{handle}",
    summary: "Stop a member adding papers (owner only)",
    params: EditorParams,
    auth: true,
    responses: { ...done, ...writeErrors },
  }),
];
