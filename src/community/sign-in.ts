import type { Config } from "../config.js";
import type { Account } from "../core/account.js";
import type { Clock } from "../core/clock.js";
import { invalid, unauthorized } from "../core/errors.js";
import { composeActionMail } from "../mail/action-mail.js";
import type { Mailer } from "../mail/mail-types.js";
import { randomSecret } from "../security/secret-hash.js";
import { signToken, verifyToken } from "../security/tokens.js";
import { findAccountByEmail } from "../storage/accounts.js";
import type { Database } from "../storage/database.js";
import { markLinkUsed } from "../storage/sessions.js";
import { accountForSignIn, parseEmail } from "./accounts.js";
import { type NewSession, startSession } from "./sessions.js";

export const SIGN_IN_PURPOSE = "sign-in";

/** Sign-in signs links with the secret key, mails them, and checks them against the clock and the database. */
export interface SignInDeps {
  readonly database: Database;
  readonly clock: Clock;
  readonly config: Pick<Config, "community" | "baseUrl">;
  readonly secretKey: string;
  readonly mailer: Mailer;
}

/**
 * A relative path on this site to return to after signing in; anything else becomes /papers. Characters beyond
 * ASCII are percent-encoded, as a Location header must carry them (Node refuses to send them raw).
 */
export function safeNext(next: unknown): string {
  // \p{Cs}: a lone surrogate (possible in a JSON body) cannot be percent-encoded.
  if (typeof next !== "string" || next.length >= 500 || !/^\/(?![/\\])[^\s\p{Cc}\p{Cs}]*$/u.test(next))
    return "/papers";
  return next.replace(/[^\x21-\x7e]+/gu, (run) => encodeURIComponent(run));
}

/**
 * Emails a single-use sign-in link when the address may sign in. The answer is the same whether or not it may,
 * and the mail goes out in the background (`delivery`), so neither the page nor its timing tells who has an
 * account.
 */
export async function requestSignIn(
  deps: SignInDeps,
  rawEmail: string,
  next: string,
): Promise<{ delivery: Promise<void> }> {
  const email = parseEmail(rawEmail);
  const rules = deps.config.community;
  const known = (await findAccountByEmail(deps.database, email)) !== null;
  if (!known && rules.signUp === "closed") return { delivery: Promise.resolve() };
  const token = signToken(deps.secretKey, {
    purpose: SIGN_IN_PURPOSE,
    subject: email,
    expires: Math.floor(deps.clock.now().getTime() / 1000) + rules.signInLinkMinutes * 60,
    nonce: randomSecret(16),
  });
  const link = `${deps.config.baseUrl}/login/verify?token=${token}&next=${encodeURIComponent(safeNext(next))}`;
  const delivery = deps.mailer
    .send(signInMail(email, link, deps.config.baseUrl, rules.signInLinkMinutes))
    .then(() => undefined);
  return { delivery };
}

function signInMail(email: string, link: string, baseUrl: string, minutes: number) {
  return composeActionMail({
    to: email,
    subject: "Your sign-in link for Paperboy",
    intro: [
      `Someone (we hope you) asked to sign in to Paperboy at ${baseUrl} with this address.`,
      `The button below signs you in. It works once, within ${minutes} minutes.`,
    ],
    action: { label: "Sign in to Paperboy", url: link },
    outro: ["If you did not ask, ignore this email: nothing happens without the link."],
  });
}

/** Checks a link without using it up (the confirmation page shows this before the person presses the button). */
export function checkSignInLink(deps: SignInDeps, token: string): { email: string } {
  const claims = verifyToken(deps.secretKey, token, SIGN_IN_PURPOSE, deps.clock.now());
  if (!claims.nonce) throw invalid("this link is not a sign-in link");
  return { email: claims.subject };
}

/** Uses a sign-in link: refuses a second use, finds (or, when sign-up is open, creates) the account. */
export async function completeSignIn(
  deps: SignInDeps,
  token: string,
): Promise<{ account: Account; session: NewSession }> {
  const claims = verifyToken(deps.secretKey, token, SIGN_IN_PURPOSE, deps.clock.now());
  if (!claims.nonce) throw invalid("this link is not a sign-in link");
  const fresh = await markLinkUsed(deps.database, {
    nonce: claims.nonce,
    usedAt: deps.clock.now().toISOString(),
    expiresAt: new Date(claims.expires * 1000).toISOString(),
  });
  if (!fresh) throw invalid("this sign-in link has already been used; ask for a new one");
  const account = await accountForSignIn(deps, claims.subject, deps.config.community.signUp === "open");
  if (!account) throw unauthorized("this address has no account here; ask an administrator for one");
  return { account, session: await startSession(deps, account.id) };
}
