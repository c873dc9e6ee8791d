import { LRUCache } from "lru-cache";
import { liveSession, type SessionDeps } from "../../community/sessions.js";
import type { Account } from "../../core/account.js";
import { normaliseEmail } from "../../core/email-address.js";
import { accountIsSubscribed } from "../../digests/account-digest.js";
import { hashSecret } from "../../security/secret-hash.js";
import type { Versions } from "../../storage/data-version.js";

/** Who a session cookie belongs to, as a page needs it. */
export interface SessionReader {
  readonly account: Account;
  /** The account's address gets the digests (pages leave out their call to subscribe). */
  readonly subscribed: boolean;
}

interface Kept extends SessionReader {
  readonly expiresAt: string;
  /** The versions the session was read under. */
  readonly versions: string;
}

const KEPT_SESSIONS = 10_000;

/**
 * The readers of live sessions, kept by token hash for as long as both counters read for the request are as they
 * were when the session was read: ending a session (sign-out, everywhere, account deletion) moves the count of
 * ended sessions, and a change to the account or its subscription moves the data version, in any process on the
 * database, so the next request anywhere reads the session again. The counters are read before the session, so a
 * change committed between the two is either seen by the query or moves them. Expiry is checked on every use.
 */
export class KeptSessions {
  private readonly kept = new LRUCache<string, Kept>({ max: KEPT_SESSIONS });

  constructor(private readonly deps: SessionDeps) {}

  async reader(token: string, current: Versions): Promise<SessionReader | null> {
    const hash = hashSecret(token);
    const versions = `${current.content} ${current.sessionEnds}`;
    const kept = this.kept.get(hash);
    if (kept && kept.versions === versions && kept.expiresAt > this.deps.clock.now().toISOString())
      return kept;
    const read = await this.read(hash);
    if (read) this.kept.set(hash, { ...read, versions });
    else this.kept.delete(hash);
    return read;
  }

  private async read(hash: string): Promise<(SessionReader & { readonly expiresAt: string }) | null> {
    const session = await liveSession(this.deps, hash);
    if (!session) return null;
    const { account, expiresAt } = session;
    // The query matches the address as stored; one stored in another form is matched as the digests match it.
    const asStored = account.email === null || normaliseEmail(account.email) === account.email;
    const subscribed = asStored
      ? session.addressSubscribed
      : await accountIsSubscribed(this.deps.database, account);
    return { account, subscribed, expiresAt };
  }
}
