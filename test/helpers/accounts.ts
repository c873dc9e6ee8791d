import type { FastifyInstance } from "fastify";
import { addUser } from "../../src/community/accounts.js";
import { startSession } from "../../src/community/sessions.js";
import type { Role } from "../../src/core/account.js";
import type { Services } from "../../src/services.js";
import { FormClient } from "./form-client.js";

/** A FormClient signed in as a (new or existing) account, through a real session row. */
export async function signedInClient(app: FastifyInstance, services: Services, email: string, role?: Role) {
  const { account } = await addUser(services, email, role);
  const client = new FormClient(app);
  client.cookies.set("paperboy_session", (await startSession(services, account.id)).token);
  return { client, account };
}
