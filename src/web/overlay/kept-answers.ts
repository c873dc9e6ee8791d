import type { FastifyReply } from "fastify";
import { LRUCache } from "lru-cache";
import { escapeHtml } from "../../core/text.js";
import { CSRF_COOKIE, csrfToken, verifiedCsrfCookie } from "../auth/csrf.js";
import type { PreparedAnswer } from "./prepared-answer.js";

const ANSWERS_BUDGET_BYTES = 32 * 1024 * 1024;

/**
 * Readers' whole gzip answers, kept per reader's page and CSRF secret, so a request sends bytes already made:
 * no token to make, no copy, no checksum. A token made for a secret stays valid as long as the secret. One token
 * per secret instead of one per answer gives nothing away: the token sits in stored DEFLATE blocks that no other
 * text is compressed with, so the answer's length tells nothing of it whatever the page reflects.
 */
export class KeptAnswers {
  private readonly kept = new LRUCache<string, Buffer>({
    maxSize: ANSWERS_BUDGET_BYTES,
    sizeCalculation: (answer) => Math.max(1, answer.length),
  });

  /** The reader's answer for this request; null when the token does not fit the prepared answer. */
  answer(reply: FastifyReply, readerKey: string, gzip: PreparedAnswer): Buffer | null {
    const cookie = reply.request.cookies[CSRF_COOKIE];
    const key = cookie ? `${readerKey}|${cookie}` : null;
    const kept = key ? this.kept.get(key) : undefined;
    if (kept) return kept;
    const answer = gzip.with(Buffer.from(escapeHtml(csrfToken(reply))));
    // Kept only for a secret the browser sent and we signed: otherwise this answer goes out with a new secret.
    if (key && answer && verifiedCsrfCookie(reply) === cookie) this.kept.set(key, answer);
    return answer;
  }
}
