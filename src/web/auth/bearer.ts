import type { FastifyRequest } from "fastify";
import { accountOfApiToken } from "../../community/api-tokens.js";
import type { Account } from "../../core/account.js";
import { unauthorized } from "../../core/errors.js";
import type { Services } from "../../services.js";

/** Reads `Authorization: Bearer pb_...`; answers the account, or null when the header is absent or unknown. */
export async function authenticateBearer(
  services: Pick<Services, "database" | "clock">,
  authorization: string | undefined,
): Promise<Account | null> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  if (!match?.[1]) return null;
  return accountOfApiToken(services, match[1]);
}

/** For authenticated API writes: the token's account, or a 401 `unauthorized` error. */
export async function requireBearerAccount(
  services: Pick<Services, "database" | "clock">,
  request: FastifyRequest,
): Promise<Account> {
  const account = await authenticateBearer(services, request.headers.authorization);
  if (!account) {
    throw unauthorized("send an API token as `Authorization: Bearer pb_...` (create one on /settings)");
  }
  return account;
}
