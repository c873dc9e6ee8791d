import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { accountData } from "../../community/account-data.js";
import { deleteAccount } from "../../community/delete-account.js";
import { setDisplayName } from "../../community/display-name.js";
import { invalid } from "../../core/errors.js";
import type { Services } from "../../services.js";
import { requireAccount } from "../auth/guards.js";
import { clearSessionCookie } from "../auth/session.js";
import { parseForm } from "../form.js";
import { enforceRateLimit, RATE_RULES } from "../rate-limit.js";

const nameForm = z.object({ name: z.string().max(1000) });
const deleteForm = z.object({ confirm: z.string().max(200) });

/** /settings: the display name, the account's data as a download, and deleting the account. */
export function registerAccountDataPages(app: FastifyInstance, services: Services) {
  app.get("/settings/data.json", async (request, reply) => {
    const account = requireAccount(request);
    const data = await accountData(services, account);
    return reply
      .header("cache-control", "no-store")
      .header("content-disposition", `attachment; filename="paperboy-${account.handle}.json"`)
      .type("application/json; charset=utf-8")
      .send(JSON.stringify(data, null, 2));
  });
  app.post("/settings/name", async (request, reply) => {
    const account = requireAccount(request);
    const { name } = parseForm(nameForm, request.body);
    await enforceRateLimit(services, request, reply, RATE_RULES.settings, String(account.id));
    await setDisplayName(services, account, name);
    return reply.redirect("/settings", 303);
  });
  app.post("/settings/delete", async (request, reply) => {
    const account = requireAccount(request);
    if (parseForm(deleteForm, request.body).confirm.trim() !== account.handle)
      throw invalid(`Type your handle, ${account.handle}, to confirm the deletion.`);
    await deleteAccount(services, account);
    clearSessionCookie(reply, services);
    return reply.redirect("/papers", 303);
  });
}
