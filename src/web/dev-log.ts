import type { Writable } from "node:stream";

/**
 * In development the server's log is read by a person at a terminal: one short line per request
 * ("GET /papers 200 4 ms") and a plain line for anything else, instead of Fastify's two JSON lines per request.
 * Production keeps JSON, which log collectors read.
 */
export function humanLogStream(out: Pick<Writable, "write">): { write(line: string): void } {
  // Fastify logs a request's method and address when it arrives and only its id when it completes.
  const arrived = new Map<string, string>();
  return {
    write(line) {
      const text = humanLine(line, arrived);
      if (text !== null) out.write(`${text}\n`);
    },
  };
}

interface LogEntry {
  readonly level?: number;
  readonly msg?: string;
  readonly reqId?: string;
  readonly req?: { readonly method?: string; readonly url?: string };
  readonly res?: { readonly statusCode?: number };
  readonly responseTime?: number;
  readonly err?: { readonly message?: string };
}

const LEVELS: Readonly<Record<number, string>> = {
  10: "trace",
  20: "debug",
  40: "warn",
  50: "error",
  60: "fatal",
};

/** The human line for one JSON log line, or null for the lines it folds into the next (a request's arrival). */
export function humanLine(line: string, arrived: Map<string, string>): string | null {
  let entry: LogEntry;
  try {
    entry = JSON.parse(line) as LogEntry;
  } catch {
    return line.trimEnd();
  }
  if (entry.msg === "incoming request" && entry.reqId) {
    arrived.set(entry.reqId, `${entry.req?.method ?? "?"} ${entry.req?.url ?? "?"}`);
    return null;
  }
  if (entry.msg === "request completed" && entry.reqId) {
    const request = arrived.get(entry.reqId) ?? "request";
    arrived.delete(entry.reqId);
    return `${request} ${entry.res?.statusCode ?? "?"} ${Math.round(entry.responseTime ?? 0)} ms`;
  }
  const level = LEVELS[entry.level ?? 30];
  const detail = entry.err?.message ? `: ${entry.err.message}` : "";
  return `${level ? `${level}: ` : ""}${entry.msg ?? ""}${detail}`;
}
