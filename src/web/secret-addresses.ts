import type { FastifyRequest } from "fastify";

// Query parameters that carry a credential: signed links (`token`) and anything named like a key or secret.
const SECRET_PARAMETER = /token|secret|key|signature|password/i;
// Paths whose last part is a credential: the personal feed's address is its own secret.
const SECRET_PATH = /^(\/feeds\/personal\/)[^/?#]+/;
export const REDACTED = "[redacted]";

/**
 * The address with every credential in it replaced by [redacted]: what may be written to a log. Sign-in,
 * preference and unsubscribe links stay valid for days, and a personal feed's address for ever.
 */
export function redactAddress(url: string): string {
  const question = url.indexOf("?");
  const path = (question < 0 ? url : url.slice(0, question)).replace(SECRET_PATH, `$1${REDACTED}`);
  if (question < 0) return path;
  const query = url
    .slice(question + 1)
    .split("&")
    .map((pair) => {
      const equals = pair.indexOf("=");
      const name = equals < 0 ? pair : pair.slice(0, equals);
      return equals >= 0 && SECRET_PARAMETER.test(safeDecode(name)) ? `${name}=${REDACTED}` : pair;
    });
  return `${path}?${query.join("&")}`;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * Whether a request carried a credential (a session, a bearer token, a secret in its address or a `token`
 * form field): its answer is for that holder alone and must not be kept by any cache.
 */
export function carriesCredential(request: FastifyRequest): boolean {
  if (request.account || request.headers.authorization) return true;
  if (redactAddress(request.url) !== request.url) return true;
  const body = request.body;
  return typeof body === "object" && body !== null && "token" in body;
}

/** The request as the log shows it: Fastify's usual fields, with the address redacted. */
export function requestForLog(request: FastifyRequest) {
  return {
    method: request.method,
    url: redactAddress(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}
