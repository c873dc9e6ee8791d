import { z } from "zod";
import { MAX_DISPLAY_NAME_LENGTH } from "../../community/display-name.js";
import { ApiError } from "./hf-schemas.js";
import { errorResponses as e, type Operation } from "./operation.js";
import { apiSchemas } from "./registry.js";

export const Profile = z
  .strictObject({
    handle: z.string().describe("the account's handle, as in /members/HANDLE and @HANDLE"),
    name: z.string().describe("the display name shown on collections, comments and the member page"),
    earlierHandles: z
      .array(z.string())
      .describe("handles the account gave up that still redirect to its member page, newest first"),
  })
  .register(apiSchemas, { id: "Profile" });

export const ProfileChanges = z.strictObject({
  handle: z
    .string({ error: "handle must be text" })
    .max(200, "a handle is 3 to 30 characters long")
    .optional()
    .describe("a new handle: 3 to 30 of a-z, digits, dots, dashes, underscores; folded to lower case"),
  name: z
    .string({ error: "name must be text" })
    .max(1000, `name is at most ${MAX_DISPLAY_NAME_LENGTH} characters`)
    .optional()
    .describe(`a new display name, at most ${MAX_DISPLAY_NAME_LENGTH} characters`),
});

const TAG = "Your account";
const RATE = ["RateLimit", "RateLimit-Policy"];
const failure = (description: string) => ({ description, schema: ApiError });

export const getProfile: Operation = {
  id: "getProfile",
  method: "get",
  path: "/api/me",
  tag: TAG,
  summary: "The token's account as others see it: handle, display name, earlier handles",
  auth: true,
  responses: {
    200: { description: "The account's profile.", schema: Profile, headers: RATE },
    401: failure(e.unauthorized.description),
    429: failure(e.rateLimited.description),
  },
};

export const changeProfile: Operation = {
  id: "changeProfile",
  method: "patch",
  path: "/api/me",
  tag: TAG,
  summary: "Change the handle or the display name",
  description:
    "The handle given up keeps redirecting /members/OLD to the account, and no one else may take it for a " +
    "year. Handles are unique whatever their case; reserved words (admin, api, settings, ...) are refused. " +
    "Handle changes count against a limit of 10 an hour.",
  body: ProfileChanges,
  auth: true,
  responses: {
    200: { description: "The profile after the change.", schema: Profile, headers: RATE },
    400: failure(e.invalid.description),
    401: failure(e.unauthorized.description),
    409: failure("The handle is taken, or held for the member who used it before."),
    429: failure(e.rateLimited.description),
  },
};

export const PROFILE_OPERATIONS: readonly Operation[] = [getProfile, changeProfile];
