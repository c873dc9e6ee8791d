import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { h } from "preact";
import { type ErrorCode, isAppError } from "../core/errors.js";
import { type StorageFault, storageFault } from "../storage/storage-faults.js";
import { ErrorPage } from "./pages/error-page.js";
import { renderDocument } from "./render.js";
import { isApiRequest } from "./request-path.js";
import { applySecurityHeaders } from "./security-headers.js";
import { viewerOf } from "./viewer.js";

/** The one mapping from error codes to HTTP statuses. */
export const STATUS_OF: Record<ErrorCode, number> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  upstream: 502,
  overloaded: 503,
};

const FASTIFY_CODES: Record<number, ErrorCode | "too_large" | "internal"> = {
  400: "invalid",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  413: "too_large",
  415: "invalid",
  429: "rate_limited",
};

interface Described {
  readonly status: number;
  readonly code: string;
  readonly message: string;
}

const CSRF_REFUSED: Described = {
  status: 403,
  code: "forbidden",
  message:
    "This form is out of date or did not come from this site. Go back, reload the page and send it again.",
};

/** A storage fault the reader can wait out: 503 with Retry-After, and a warning in the log rather than an error. */
interface PassingFault extends Described {
  readonly retryAfterSeconds: number;
  readonly logged: string;
}

const PASSING_FAULTS: Partial<Record<StorageFault, PassingFault>> = {
  unavailable: {
    ...{ status: 503, code: "unavailable", retryAfterSeconds: 5, logged: "the database cannot be reached" },
    message: "Paperboy cannot reach its database just now. Try again in a few seconds.",
  },
  // SQLite's one writer was held by another process past the wait (an import rebuilding its indexes).
  busy: {
    ...{
      status: 503,
      code: "unavailable",
      retryAfterSeconds: 5,
      logged: "the database was busy past the wait",
    },
    message: "Paperboy's database is busy with a long write just now. Try again in a few seconds.",
  },
};

function describe(error: FastifyError | Error): Described {
  if ((error as FastifyError).code?.startsWith("FST_CSRF")) return CSRF_REFUSED;
  if (isAppError(error)) return { status: STATUS_OF[error.code], code: error.code, message: error.message };
  const status = (error as FastifyError).statusCode;
  if (status && status >= 400 && status < 500) {
    return { status, code: FASTIFY_CODES[status] ?? "invalid", message: error.message };
  }
  return { status: 500, code: "internal", message: "An unexpected error occurred; it has been logged." };
}

/** Answers JSON to API clients and a readable page to people. */
export function sendError(request: FastifyRequest, reply: FastifyReply, described: Described) {
  reply.status(described.status);
  if (isApiRequest(request)) {
    // Hugging Face's clients (huggingface_hub) show this header's text in the exceptions they raise.
    reply.header("x-error-message", described.message.replace(/[^\x20-\x7e]/g, "?"));
    return reply.send({ error: described.code, message: described.message });
  }
  return reply
    .type("text/html; charset=utf-8")
    .send(
      renderDocument(h(ErrorPage, { status: described.status, message: described.message }), viewerOf(reply)),
    );
}

export function registerErrorHandlers(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const fault = storageFault(error);
    const passing = fault ? PASSING_FAULTS[fault] : undefined;
    if (passing) {
      reply.header("retry-after", String(passing.retryAfterSeconds));
      request.log.warn({ err: error }, passing.logged);
      return sendError(request, reply, passing);
    }
    const described = describe(error);
    const retryAfter = isAppError(error) ? error.details?.retryAfterSeconds : undefined;
    if (typeof retryAfter === "number") reply.header("retry-after", String(retryAfter));
    if (described.status === 502) {
      // The detail names internal addresses (the arXiv mirror, the mail or embeddings server): the log has it.
      request.log.warn({ err: error }, "an outside service failed");
      return sendError(request, reply, UPSTREAM_FAILED);
    }
    if (described.status >= 500 && described.status !== 503)
      request.log.error({ err: error }, "request failed");
    return sendError(request, reply, described);
  });
  app.setNotFoundHandler((request, reply) =>
    sendError(request, reply, {
      status: 404,
      code: "not_found",
      message: `There is no page at ${request.url}.`,
    }),
  );
}

const UPSTREAM_FAILED: Described = {
  status: 502,
  code: "upstream",
  message:
    "A service Paperboy relies on (arXiv, Hugging Face, the mail server) did not answer as expected. Try again in a few minutes.",
};

/**
 * For addresses the router refuses before any route runs (bad percent-encoding, a path segment past
 * maxParamLength): the same JSON or page as every other error, instead of Fastify's bare default.
 */
export function sendRefusedAddress(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const tooLong = error.code === "FST_ERR_MAX_PARAM_LENGTH";
  // Fastify answers these outside the request lifecycle: no onSend hook adds the headers.
  applySecurityHeaders(reply);
  return sendError(request, reply, {
    status: tooLong ? 414 : 400,
    code: "invalid",
    message: tooLong
      ? "A part of this address is too long to be a paper id or a name."
      : "This address is not well formed: check its percent-encoding (%XX).",
  });
}
