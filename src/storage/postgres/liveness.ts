import pg from "pg";

/** A PostgreSQL session kept open for the life of the process: while it lives, so does the process. */
interface Liveness {
  readonly client: pg.Client;
  /** `pg<backend pid>.<backend start, microseconds>`: unique on the server for the session's lifetime. */
  readonly tag: string;
}

const sessions = new WeakMap<pg.Pool, Promise<Liveness>>();

async function open(pool: pg.Pool): Promise<Liveness> {
  const client = new pg.Client(pool.options);
  // A server restart ends the session; the claims it stood for then read as abandoned, which they are not
  // while this process runs, so a new session is opened at the next claim.
  client.on("error", () => sessions.delete(pool));
  client.on("end", () => sessions.delete(pool));
  await client.connect();
  const result = await client.query<{ tag: string }>(
    `select 'pg' || pid || '.' || (extract(epoch from backend_start) * 1000000)::bigint as tag
       from pg_stat_activity where pid = pg_backend_pid()`,
  );
  return { client, tag: result.rows[0]?.tag ?? "" };
}

/** This process's liveness session on the pool's server, opened at first use. */
export function livenessTag(pool: pg.Pool): Promise<string> {
  let session = sessions.get(pool);
  if (!session) {
    session = open(pool);
    sessions.set(pool, session);
    session.catch(() => sessions.delete(pool));
  }
  return session.then((live) => live.tag);
}

/** Ends the liveness session (the database is being closed). */
export async function endLiveness(pool: pg.Pool): Promise<void> {
  const session = sessions.get(pool);
  sessions.delete(pool);
  await session?.then((live) => live.client.end()).catch(() => undefined);
}

/** Which of these tags name sessions the server no longer has. */
export async function endedSessions(pool: pg.Pool, tags: readonly string[]): Promise<Set<string>> {
  if (tags.length === 0) return new Set();
  const result = await pool.query<{ tag: string }>(
    `select t.tag from unnest($1::text[]) as t(tag) where not exists (
       select 1 from pg_stat_activity a
       where 'pg' || a.pid || '.' || (extract(epoch from a.backend_start) * 1000000)::bigint = t.tag)`,
    [tags],
  );
  return new Set(result.rows.map((row) => row.tag));
}
