import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { LRUCache } from "lru-cache";
import type { Account } from "../../core/account.js";
import { escapeHtml } from "../../core/text.js";
import type { Database } from "../../storage/database.js";
import { csrfToken } from "../auth/csrf.js";
import { hidesRead, readerMarks } from "../pages/list-marks.js";
import { acceptedEncodings } from "../rendered-store.js";
import { KeptAnswers } from "./kept-answers.js";
import type { PaperSlotEntry } from "./paper-slot.js";
import type { PreparedAnswer } from "./prepared-answer.js";
import { type ReaderCopy, SharedPage } from "./shared-page.js";

declare module "fastify" {
  interface FastifyContextConfig {
    /**
     * A list page that signed-in readers get from one rendering for all of them, with their own marks, CSRF
     * token and account filled in. Its handler must answer through sendPage.
     */
    sharedWhenSignedIn?: boolean;
  }
  interface FastifyRequest {
    /** Set while a route renders the shared page for signed-in readers; sendPage renders it with stand-ins. */
    sharedPage: SharedRendering | null;
  }
}

export interface SharedRendering {
  readonly key: string;
  /** The paper slots of the page, gathered while it renders. */
  readonly slots: PaperSlotEntry[];
  /** Whether sendPage rendered the page with stand-ins (anything else holds this reader's own data). */
  rendered: boolean;
  /** Hands the page to the requests waiting for it (null: they render for themselves). */
  readonly finish: (page: SharedPage | null) => void;
}

const PAGES_BUDGET_BYTES = 32 * 1024 * 1024;
const READERS_BUDGET_BYTES = 32 * 1024 * 1024;

/** A reader's page for one data version: their copy, and their gzip answer but for the CSRF token. */
interface ReaderAnswer {
  readonly copy: ReaderCopy;
  readonly gzip: PreparedAnswer;
}

/**
 * Which shared page a request may be answered from: its address, the data, today, the reader's role and whether
 * they get the digests already (lists offer them to readers who do not).
 */
function sharedKey(request: FastifyRequest): string | null {
  const { account, pageVersion } = request;
  if (!account || !pageVersion || !request.routeOptions.config.sharedWhenSignedIn) return null;
  if ((request.method !== "GET" && request.method !== "HEAD") || hidesRead(request)) return null;
  return `${pageVersion}|${account.role}|${request.subscribed ? "subscribed" : ""}|${request.url}`;
}

/**
 * Signed-in readers of list pages get the page rendered once for all of them (per address, data version and
 * role), with what is theirs filled in: marks on papers, the CSRF token of every form, the account menu. The
 * HTML is whole and right without JavaScript. A reader's copy (their marks, compressed) is kept for the data
 * version too, so a request reads no marks and compresses nothing; see shared-page.ts and prepared-answer.ts.
 */
export function registerSharedPages(app: FastifyInstance, deps: { readonly database: Database }) {
  const pages = new LRUCache<string, SharedPage>({
    maxSize: PAGES_BUDGET_BYTES,
    sizeCalculation: (page) => Math.max(1, page.bytes),
  });
  const readers = new LRUCache<string, ReaderAnswer>({
    maxSize: READERS_BUDGET_BYTES,
    sizeCalculation: (reader) => reader.copy.bytes + reader.gzip.bytes,
  });
  const answers = new KeptAnswers();
  const answer = async (reply: FastifyReply, key: string, account: Account, page: SharedPage) => {
    const readerKey = `${account.id}|${key}`;
    let reader = readers.get(readerKey);
    if (!reader) {
      const copy = page.copyFor(await readerMarks(deps, account.id, page.paperIds));
      reader = { copy, gzip: page.prepare(copy, account) };
      readers.set(readerKey, reader);
    }
    const accepted = acceptedEncodings(reply.request.headers["accept-encoding"]);
    const zipped =
      accepted.has("gzip") || accepted.has("*") ? answers.answer(reply, readerKey, reader.gzip) : null;
    if (!zipped) return page.plain(reader.copy, account, Buffer.from(escapeHtml(csrfToken(reply))));
    reply.header("content-encoding", "gzip");
    return zipped;
  };
  // A page is shared from its second request in one data version on: where the data changes between any two
  // requests, rendering for one reader costs less than a shared page no one else would use. Requests that come
  // while the shared page is being made wait for it.
  const asked = new LRUCache<string, true>({ max: 10_000 });
  const making = new Map<string, Promise<SharedPage | null>>();
  app.decorateRequest("sharedPage", null);
  app.addHook("onRequest", async (request, reply) => {
    const key = sharedKey(request);
    if (!key || !request.account) return;
    const page = pages.get(key) ?? (await making.get(key)) ?? null;
    if (page) {
      reply.type("text/html; charset=utf-8");
      return reply.send(await answer(reply, key, request.account, page));
    }
    if (!asked.has(key)) {
      asked.set(key, true);
      return;
    }
    let finish: (page: SharedPage | null) => void = () => {};
    making.set(key, new Promise((resolve) => (finish = resolve)));
    request.sharedPage = { key, slots: [], rendered: false, finish };
  });
  const done = (shared: SharedRendering, page: SharedPage | null) => {
    making.delete(shared.key);
    shared.finish(page);
  };
  app.addHook("onSend", async (request, reply, payload) => {
    const shared = request.sharedPage;
    request.sharedPage = null;
    if (!shared) return payload;
    if (!shared.rendered || !request.account || !(typeof payload === "string" || Buffer.isBuffer(payload))) {
      done(shared, null);
      return payload;
    }
    const page = new SharedPage(payload.toString(), shared.slots, escapeHtml(csrfToken(reply)).length);
    const kept = reply.statusCode === 200 ? page : null;
    if (kept) pages.set(shared.key, kept);
    done(shared, kept);
    return answer(reply, shared.key, request.account, page);
  });
  // A request that ends without an answer (the client went away) lets the waiting ones render for themselves.
  const abandon = async (request: FastifyRequest) => {
    if (request.sharedPage) done(request.sharedPage, null);
  };
  app.addHook("onResponse", abandon);
  app.addHook("onRequestAbort", abandon);
}
