import { randomBytes } from "node:crypto";
import { NEUTRAL_HANDLE_PREFIX } from "./handle.js";

/** What an account may do: members take part, curators also moderate and feature, admins also run the instance. */
export const ROLES = ["member", "curator", "admin"] as const;
export type Role = (typeof ROLES)[number];

/** A signed-in person as the rest of the application sees them. */
export interface Account {
  readonly id: number;
  readonly handle: string;
  readonly email: string | null;
  readonly displayName: string;
  readonly role: Role;
}

export function isRole(text: string): text is Role {
  return (ROLES as readonly string[]).includes(text);
}

/** Roles are ordered: each includes everything the ones before it may do. */
export function hasRole(account: Pick<Account, "role">, needed: Role): boolean {
  return ROLES.indexOf(account.role) >= ROLES.indexOf(needed);
}

/**
 * What a new account is called until its owner chooses: never the email's local part, which may be a name, nor
 * the account's id, which tells the order members came in. A neutral handle (`reader-3f9a2c71`) lends its random
 * part, so name and address match; any other handle gets a random part of its own.
 */
export function defaultDisplayName(handle: string): string {
  const token = handle.startsWith(NEUTRAL_HANDLE_PREFIX)
    ? handle.slice(NEUTRAL_HANDLE_PREFIX.length)
    : randomBytes(4).toString("hex");
  return `Reader ${token}`;
}
