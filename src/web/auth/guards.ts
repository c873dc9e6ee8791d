import type { FastifyRequest } from "fastify";
import { type Account, hasRole, type Role } from "../../core/account.js";
import { forbidden, unauthorized } from "../../core/errors.js";
import type { Services } from "../../services.js";
import { MAIL_OFF_MESSAGE } from "../components/mail-notice.js";

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

/** Sign-in and subscription need email: refused while the instance cannot send any (production, no SMTP_URL). */
export function refuseWithoutMail(services: Pick<Services, "mailer">): void {
  if (services.mailer.delivery.kind === "off") throw forbidden(MAIL_OFF_MESSAGE);
}
