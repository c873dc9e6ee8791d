import { z } from "zod";
import { CITATION_OPERATIONS } from "../citations/operations.js";
import { COLLECTION_OPERATIONS } from "./collection-operations.js";
import { FOR_YOU_OPERATIONS } from "./for-you-operations.js";
import { HF_OPERATIONS } from "./hf-operations.js";
import type { Operation } from "./operation.js";
import { PAPERBOY_OPERATIONS } from "./paperboy-operations.js";
import { PROFILE_OPERATIONS } from "./profile-operations.js";
import { READING_OPERATIONS } from "./reading-api.js";
import { SAVE_OPERATIONS } from "./save-operations.js";
import { SIGNAL_OPERATIONS } from "./signal-operations.js";

export const openApiOperation: Operation = {
  id: "getOpenApiDocument",
  method: "get",
  path: "/api/openapi.json",
  tag: "About the API",
  summary: "This OpenAPI 3.1 document",
  responses: { 200: { description: "The document.", schema: z.record(z.string(), z.unknown()) } },
};

/** Every documented operation, in the order the reference page lists them. */
export const API_OPERATIONS: readonly Operation[] = [
  ...HF_OPERATIONS,
  ...PAPERBOY_OPERATIONS,
  ...SIGNAL_OPERATIONS,
  ...SAVE_OPERATIONS,
  ...READING_OPERATIONS,
  ...COLLECTION_OPERATIONS,
  ...FOR_YOU_OPERATIONS,
  ...PROFILE_OPERATIONS,
  ...CITATION_OPERATIONS,
  openApiOperation,
];
