import { createHash } from "node:crypto";
import { statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { todaysListingDay } from "../core/listing-day.js";
import type { Services } from "../services.js";
import { chooseEncoding, type RenderedStore, type StoredPage } from "./rendered-store.js";
import { requestVersions } from "./request-versions.js";

declare module "fastify" {
  interface FastifyContextConfig {
    /**
     * The page is a function of its address, the database, the viewer's cookies and today's listing day
     * only: it gets an ETag (answered with 304 when unchanged) and anonymous copies are kept rendered.
     * Pages that also age with the clock (trending) name how many minutes a copy may stand for.
     */
    pageCache?: boolean | { readonly refreshMinutes: number };
  }
  interface FastifyRequest {
    /** This request renders a page that anonymous readers get from the store (see RenderedStore). */
    rendersKeptPage: boolean;
    pageEtag: string | null;
    /** The data version and today's listing day a cached page was answered for. */
    pageVersion: string | null;
  }
}

/** How far behind the data a copy may be answered while no render can start at once. */
const LONGEST_BEHIND_MS = 60_000;

// A new build (deploy) must not answer 304 with pages an older build rendered.
const BUILD = String(statSync(fileURLToPath(import.meta.url)).mtimeMs);

function viewerKey(request: FastifyRequest): string {
  const cookie = request.headers.cookie;
  return cookie ? createHash("sha256").update(cookie).digest("base64url").slice(0, 16) : "anonymous";
}

function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(",").some((tag) => tag.trim() === etag || tag.trim() === "*");
}

/**
 * For a page that ages with the clock, which stretch of `refreshMinutes` it is in: the page's validator moves at
 * each new stretch, so no copy stands longer. Other pages change only with the data and the listing day.
 */
function clockPeriod(option: boolean | { readonly refreshMinutes: number } | undefined, now: Date): string {
  if (typeof option !== "object") return "";
  return String(Math.floor(now.getTime() / (option.refreshMinutes * 60_000)));
}

export interface ServerLoad {
  /** Every place for work is taken (web/load-shedding.ts). */
  busy(): boolean;
  /** A kept page's render would start at once rather than wait in the gate's line behind other work. */
  renderFree(): boolean;
}

const IDLE: ServerLoad = { busy: () => false, renderFree: () => true };

/**
 * ETag/304 and a store of rendered anonymous pages for the routes that set `config.pageCache`. One request at a
 * time renders an address anew; meanwhile the others get the copy kept before, with its own ETag. While the
 * server is `busy` (every place for work is taken, web/load-shedding.ts), a recent copy is answered too instead
 * of a render; an older one is rendered anew through places kept for these renders.
 */
export function registerPageCache(
  app: FastifyInstance,
  services: Services,
  store: RenderedStore,
  load: ServerLoad = IDLE,
) {
  app.decorateRequest("rendersKeptPage", false);
  app.decorateRequest("pageEtag", null);
  app.decorateRequest("pageVersion", null);
  app.addHook("onRequest", async (request, reply) => {
    if (!request.routeOptions.config.pageCache || (request.method !== "GET" && request.method !== "HEAD"))
      return;
    const anonymous = !request.headers.cookie;
    // While busy, a copy known current a moment ago is answered before any work on this request (on PostgreSQL
    // the version read is a round trip that waits its turn with everything else).
    const unread = anonymous && !request.headers["if-none-match"] && load.busy() && store.known(request.url);
    if (unread) return sendKept(request, reply, unread, store);
    // Paper pages show similar papers from this process's vector index, which catches up after the write.
    const version = `${(await requestVersions(request, services.database)).content} ${services.semantic.generation}`;
    const today = todaysListingDay(services.clock);
    const period = clockPeriod(request.routeOptions.config.pageCache, services.clock.now());
    request.pageVersion = `${version}|${today}|${period}`;
    const key = `${BUILD}|${request.pageVersion}|${viewerKey(request)}`;
    const etag = `W/"${createHash("sha256").update(key).digest("base64url").slice(0, 27)}"`;
    request.pageEtag = etag;
    reply.header("etag", etag);
    reply.header("cache-control", anonymous ? "public, no-cache" : "private, no-cache");
    reply.header("vary", "Cookie, Accept-Encoding");
    if (matches(request.headers["if-none-match"], etag)) return reply.code(304).send();
    if (!anonymous) return;
    // While the page is being rendered anew, the copy kept before is answered however old (for as long as that
    // render takes): each request that came during it used to render the page too and, while busy, the places for
    // such renders taken, joined the gate's line and was refused, in bursts of seconds.
    const hit =
      store.get(request.url, etag) ??
      checked(
        store,
        store.isRendering(request.url)
          ? store.kept(request.url)
          : load.busy()
            ? answerable(store, request.url, load)
            : undefined,
      );
    // A first render is under way and there is nothing to answer meanwhile: wait for its copy, not render again.
    const first =
      !hit && store.isRendering(request.url) && !store.kept(request.url)
        ? await store.firstCopy(request.url)
        : undefined;
    if (first) return sendKept(request, reply, first, store);
    if (!hit) {
      store.renderStarted(request.url);
      request.rendersKeptPage = true;
      return;
    }
    return sendKept(request, reply, hit, store);
  });
  const renderEnded = async (request: FastifyRequest) => {
    if (!request.rendersKeptPage) return;
    request.rendersKeptPage = false;
    store.renderEnded(request.url);
  };
  app.addHook("onResponse", renderEnded);
  app.addHook("onRequestAbort", renderEnded);
  app.addHook("onSend", async (request, reply, payload) => {
    const etag = request.pageEtag;
    if (!etag || reply.statusCode !== 200 || !(typeof payload === "string" || Buffer.isBuffer(payload)))
      return payload;
    if (request.headers.cookie || reply.getHeader("set-cookie") || reply.getHeader("content-encoding"))
      return payload;
    store.set(request.url, etag, payload);
    return payload;
  });
}

/**
 * While busy, the copy answered instead of a render: a recent one; or, when a render would wait in the gate's
 * line (behind searches, for up to its wait, and then be refused), any copy up to LONGEST_BEHIND_MS behind: a
 * day page was answered 503 there, with a copy of it at hand.
 */
function answerable(store: RenderedStore, url: string, load: ServerLoad): StoredPage | undefined {
  return (
    store.recent(url) ?? (load.renderFree() ? undefined : store.recent(url, Date.now(), LONGEST_BEHIND_MS))
  );
}

/** A copy behind the data, answered anyway: the requests of the next moment answer it without a read. */
function checked(store: RenderedStore, page: StoredPage | undefined): StoredPage | undefined {
  if (page) store.checked(page);
  return page;
}

/** Answers a kept copy with its own validator (not the one of a copy being rendered). */
async function sendKept(
  request: FastifyRequest,
  reply: FastifyReply,
  page: StoredPage,
  store: RenderedStore,
) {
  request.pageEtag = null;
  reply.header("etag", page.etag);
  reply.header("cache-control", "public, no-cache");
  reply.header("vary", "Cookie, Accept-Encoding");
  reply.type("text/html; charset=utf-8");
  const encoded = await store.encoded(page, chooseEncoding(request.headers["accept-encoding"]));
  if (!encoded) return reply.send(page.html);
  return reply.header("content-encoding", encoded.encoding).send(encoded.body);
}
