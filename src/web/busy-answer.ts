import type { FastifyReply, FastifyRequest } from "fastify";
import { h } from "preact";
import type { AppError } from "../core/errors.js";
import { sendError } from "./errors.js";
import { ErrorPage } from "./pages/error-page.js";
import { renderDocument } from "./render.js";
import { chooseEncoding, RenderedStore, type StoredPage } from "./rendered-store.js";
import { isApiRequest } from "./request-path.js";

const BUSY_MESSAGE = "Paperboy has more to answer than it can just now. Try again in a moment.";

/**
 * The 503 answered to a request refused for load. A server that sheds answers many of these a second, so the
 * page for people who are not signed in is rendered once and compressed once (rendering and compressing each
 * took most of a millisecond); API clients get the usual small JSON and signed-in readers the usual page with
 * their menu, without the cost of an error thrown through the framework.
 */
export class BusyAnswer {
  private readonly compressed = new RenderedStore(1024 * 1024);
  private page: StoredPage | null = null;

  async send(request: FastifyRequest, reply: FastifyReply, refusal: AppError): Promise<FastifyReply> {
    const seconds = refusal.details?.retryAfterSeconds;
    reply.header("retry-after", String(typeof seconds === "number" ? seconds : 1));
    if (isApiRequest(request) || request.headers.cookie)
      return sendError(request, reply, { status: 503, code: refusal.code, message: refusal.message });
    const page = this.prepared();
    const encoded = await this.compressed.encoded(page, chooseEncoding(request.headers["accept-encoding"]));
    reply.code(503).type("text/html; charset=utf-8").header("cache-control", "no-store");
    reply.header("vary", "Accept-Encoding");
    if (!encoded) return reply.send(page.html);
    return reply.header("content-encoding", encoded.encoding).send(encoded.body);
  }

  private prepared(): StoredPage {
    this.page ??= {
      etag: "",
      html: renderDocument(h(ErrorPage, { status: 503, message: BUSY_MESSAGE })),
      variants: new Map(),
      bytes: 0,
      currentAt: 0,
      checkedAt: 0,
    };
    return this.page;
  }
}
