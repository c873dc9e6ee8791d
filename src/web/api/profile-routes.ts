import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { cleanDisplayName, setDisplayName } from "../../community/display-name.js";
import { changeHandle, redirectingHandles } from "../../community/handles.js";
import type { Account } from "../../core/account.js";
import type { Services } from "../../services.js";
import { requireBearerAccount } from "../auth/bearer.js";
import { enforceRateLimit, RATE_RULES } from "../rate-limit.js";
import { ProfileChanges } from "./profile-operations.js";
import { parseInput } from "./validate.js";

async function profileOf(services: Services, account: Account) {
  const earlierHandles = await redirectingHandles(services, account);
  return { handle: account.handle, name: account.displayName, earlierHandles };
}

async function privately(services: Services, request: FastifyRequest, reply: FastifyReply) {
  reply.header("cache-control", "no-store");
  return requireBearerAccount(services, request);
}

/** `GET/PATCH /api/me`: the token's handle and display name, as /settings changes them. */
export function registerProfileRoutes(app: FastifyInstance, services: Services) {
  app.get("/api/me", async (request, reply) =>
    profileOf(services, await privately(services, request, reply)),
  );
  app.patch("/api/me", async (request, reply) => {
    let account = await privately(services, request, reply);
    const changes = parseInput(ProfileChanges, request.body, "body");
    // A bad name is refused before the handle changes, so a refused request changes nothing.
    if (changes.name !== undefined) cleanDisplayName(changes.name);
    const rule = changes.handle === undefined ? RATE_RULES.settings : RATE_RULES.changeHandle;
    await enforceRateLimit(services, request, reply, rule, String(account.id));
    if (changes.handle !== undefined) account = await changeHandle(services, account, changes.handle);
    if (changes.name !== undefined) account = await setDisplayName(services, account, changes.name);
    return profileOf(services, account);
  });
}
