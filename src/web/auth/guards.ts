import type { FastifyRequest } from "fastify";
import { type Account, hasRole, type Role } from "../../core/account.js";
import { forbidden, unauthorized } from "../../core/errors.js";

/** The signed-in account, or a 401 whose page asks the person to sign in. */
export function requireAccount(request: FastifyRequest): Account {
  if (!request.account) throw unauthorized("Sign in first: this needs an account.");
  return request.account;
}

export function requireRole(request: FastifyRequest, role: Role): Account {
  const account = requireAccount(request);
  if (!hasRole(account, role)) throw forbidden(`Only a ${role} can do this.`);
  return account;
}
