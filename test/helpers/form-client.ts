import type { FastifyInstance, LightMyRequestResponse } from "fastify";

/**
 * A tiny browser for in-process HTTP tests: keeps cookies between requests and fills in the CSRF field from the
 * last page it saw, the way a form submitted from that page would.
 */
export class FormClient {
  readonly cookies = new Map<string, string>();
  lastBody = "";
  private lastToken = "";

  constructor(private readonly app: FastifyInstance) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  private remember(response: LightMyRequestResponse) {
    for (const cookie of response.cookies) {
      if (cookie.value === "" || cookie.maxAge === 0) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    if (String(response.headers["content-type"] ?? "").startsWith("text/html")) {
      this.lastBody = response.body;
      this.lastToken = /name="_csrf" value="([^"]+)"/.exec(response.body)?.[1] ?? this.lastToken;
    }
    return response;
  }

  async get(url: string, headers: Record<string, string> = {}) {
    return this.remember(
      await this.app.inject({ url, headers: { cookie: this.cookieHeader(), ...headers } }),
    );
  }

  /** The CSRF token of the last page that had a form. */
  csrf(): string {
    return this.lastToken;
  }

  /** Posts a form; `_csrf` comes from the last page unless the fields say otherwise (or omit it on purpose). */
  async post(
    url: string,
    fields: Record<string, string>,
    options: { csrf?: boolean; headers?: Record<string, string> } = {},
  ) {
    const withToken = options.csrf === false ? fields : { _csrf: this.csrf(), ...fields };
    return this.remember(
      await this.app.inject({
        method: "POST",
        url,
        headers: {
          cookie: this.cookieHeader(),
          "content-type": "application/x-www-form-urlencoded",
          ...options.headers,
        },
        payload: new URLSearchParams(withToken).toString(),
      }),
    );
  }
}

/** The sign-in link in a captured email. */
export function linkIn(text: string | undefined): string {
  const match = /(https?:\/\/\S+\/login\/verify\?\S+)/.exec(text ?? "");
  if (!match?.[1]) throw new Error(`no sign-in link in: ${text}`);
  return match[1];
}
