/** An error answer from a Paperboy server: the HTTP status, the stable error code and the server's message. */
export class PaperboyApiError extends Error {
  override name = "PaperboyApiError";
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Seconds to wait before retrying, from `Retry-After` on 429 answers. */
    readonly retryAfter: number | null,
  ) {
    super(message);
  }
}

export interface ClientOptions {
  /** The instance's address, e.g. https://papers.example.org (no trailing /api). */
  readonly baseUrl: string;
  /** An API token, sent as `Authorization: Bearer TOKEN`. */
  readonly token?: string;
  readonly fetch?: typeof fetch;
}

export type QueryValue = string | number | undefined;

export function urlWith(
  base: string,
  path: string,
  query: Readonly<Record<string, QueryValue>> = {},
): string {
  const url = new URL(path, base.endsWith("/") ? base : `${base}/`);
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined) url.searchParams.set(name, String(value));
  }
  return url.toString();
}

async function errorOf(response: Response): Promise<PaperboyApiError> {
  const text = await response.text();
  let code = "http_error";
  let message = text.slice(0, 500) || response.statusText;
  try {
    const body = JSON.parse(text) as { error?: unknown; message?: unknown };
    if (typeof body.error === "string") code = body.error;
    if (typeof body.message === "string") message = body.message;
  } catch {
    // Not JSON (a page or plain text): keep the text as the message.
  }
  const retryAfter = response.headers.get("retry-after");
  return new PaperboyApiError(
    response.status,
    code,
    message,
    retryAfter === null ? null : Number(retryAfter),
  );
}

/** Sends one request and returns the response, or throws PaperboyApiError for any non-2xx answer. */
export async function send(options: ClientOptions, url: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (options.token) headers.set("authorization", `Bearer ${options.token}`);
  const response = await (options.fetch ?? fetch)(url, { ...init, headers });
  if (!response.ok) throw await errorOf(response);
  return response;
}

/** The `cursor` of a `Link: <...>; rel="next"` header, or null on the last page. */
export function nextCursor(link: string | null): string | null {
  const match = link ? /<([^>]+)>;\s*rel="next"/.exec(link) : null;
  return match?.[1] ? new URL(match[1]).searchParams.get("cursor") : null;
}
