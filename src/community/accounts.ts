import type { Account, Role } from "../core/account.js";
import type { Clock } from "../core/clock.js";
import { requireEmail } from "../core/email-address.js";
import { findAccountByEmail, insertAccount, updateRole } from "../storage/accounts.js";
import type { Database } from "../storage/database.js";
import { freshHandle } from "./handles.js";

export const parseEmail = requireEmail;

/** Creates an account, or changes an existing one's role when a role is given (how admins promote curators). */
export async function addUser(
  deps: { database: Database; clock: Clock },
  rawEmail: string,
  role: Role | undefined,
): Promise<{ account: Account; created: boolean }> {
  const email = parseEmail(rawEmail);
  const existing = await findAccountByEmail(deps.database, email);
  if (existing) {
    if (!role || role === existing.role) return { account: existing, created: false };
    await updateRole(deps.database, existing.id, role);
    return { account: { ...existing, role }, created: false };
  }
  const account = await insertAccount(deps.database, {
    email,
    handle: await freshHandle(deps),
    role: role ?? "member",
    now: deps.clock.now().toISOString(),
  });
  return { account, created: true };
}

/** The account for an address, created as a member when sign-up is open. */
export async function accountForSignIn(
  deps: { database: Database; clock: Clock },
  email: string,
  signUpOpen: boolean,
): Promise<Account | null> {
  const existing = await findAccountByEmail(deps.database, email);
  if (existing || !signUpOpen) return existing;
  return (await addUser(deps, email, undefined)).account;
}
