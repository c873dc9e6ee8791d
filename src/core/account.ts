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

/** What a new account is called until its owner chooses: never the email's local part, which may be a name. */
export function defaultDisplayName(accountId: number): string {
  return `Reader ${accountId}`;
}
