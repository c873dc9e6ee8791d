import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { LRUCache } from "lru-cache";
import type { Account } from "../../core/account.js";
import { escapeHtml } from "../../core/text.js";
import type { Database } from "../../storage/database.js";
import { csrfToken } from "../auth/csrf.js";
import { hidesRead, readerMarks } from "../pages/list-marks.js";
import { acceptedEncodings } from "../rendered-store.js";
import { gzipPieces, type Pieces, rawBytes } from "./gzip-pieces.js";
import type { PaperSlotEntry } from "./paper-slot.js";
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
}

const PAGES_BUDGET_BYTES = 32 * 1024 * 1024;
const COPIES_BUDGET_BYTES = 32 * 1024 * 1024;

/** Which shared page a request may be answered from: its address, the data, today and the reader's role. */
function sharedKey(request: FastifyRequest): string | null {
  const { account, pageVersion } = request;
  if (!account || !pageVersion || !request.routeOptions.config.sharedWhenSignedIn) return null;
  if ((request.method !== "GET" && request.method !== "HEAD") || hidesRead(request)) return null;
  return `${pageVersion}|${account.role}|${request.url}`;
}

/**
 * Signed-in readers of list pages get the page rendered once for all of them (per address, data version and
 * role), with what is theirs filled in: marks on papers, the CSRF token of every form, the account menu. The
 * HTML is whole and right without JavaScript. A reader's copy (their marks, compressed) is kept for the data
 * version too, so a request reads no marks and compresses nothing; see shared-page.ts and gzip-pieces.ts.
 */
export function registerSharedPages(app: FastifyInstance, deps: { readonly database: Database }) {
  const pages = new LRUCache<string, SharedPage>({
    maxSize: PAGES_BUDGET_BYTES,
    sizeCalculation: (page) => Math.max(1, page.bytes),
  });
  const copies = new LRUCache<string, ReaderCopy>({
    maxSize: COPIES_BUDGET_BYTES,
    sizeCalculation: (copy) => Math.max(1, copy.bytes),
  });
  const answer = async (reply: FastifyReply, key: string, account: Account, page: SharedPage) => {
    const copyKey = `${account.id}|${key}`;
    let copy = copies.get(copyKey);
    if (!copy) {
      copy = page.copyFor(await readerMarks(deps, account.id, page.paperIds));
      copies.set(copyKey, copy);
    }
    return body(reply, page.fill(copy, { account, csrfToken: csrfToken(reply) }));
  };
  app.decorateRequest("sharedPage", null);
  app.addHook("onRequest", async (request, reply) => {
    const key = sharedKey(request);
    if (!key || !request.account) return;
    const page = pages.get(key);
    if (!page) {
      request.sharedPage = { key, slots: [], rendered: false };
      return;
    }
    reply.type("text/html; charset=utf-8");
    return reply.send(await answer(reply, key, request.account, page));
  });
  app.addHook("onSend", async (request, reply, payload) => {
    const shared = request.sharedPage;
    request.sharedPage = null;
    if (!shared?.rendered || !request.account || !(typeof payload === "string" || Buffer.isBuffer(payload)))
      return payload;
    const page = new SharedPage(payload.toString(), shared.slots, escapeHtml(csrfToken(reply)).length);
    const answered = await answer(reply, shared.key, request.account, page);
    if (reply.statusCode === 200) pages.set(shared.key, page);
    return answered;
  });
}

function body(reply: FastifyReply, pieces: Pieces): Buffer {
  const accepted = acceptedEncodings(reply.request.headers["accept-encoding"]);
  if (!accepted.has("gzip") && !accepted.has("*")) return rawBytes(pieces);
  reply.header("content-encoding", "gzip");
  return gzipPieces(pieces);
}
