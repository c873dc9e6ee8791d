import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { invalid } from "../core/errors.js";

/**
 * Signed, expiring tokens for links in emails and cookies: `payload.signature`, where the payload is base64url
 * JSON `{p: purpose, s: subject, e: expiry (unix seconds), n: nonce?}` and the signature an HMAC-SHA256 of it
 * under the instance's secret key. The purpose is part of what is signed, so a token minted for one use (say,
 * unsubscribe) is refused for another (sign-in). Single use, where needed, is the caller's job (store the nonce).
 */
export interface TokenClaims {
  readonly purpose: string;
  readonly subject: string;
  /** Unix seconds after which the token is refused. */
  readonly expires: number;
  readonly nonce?: string;
}

const payloadSchema = z.object({
  p: z.string(),
  s: z.string(),
  e: z.number().int(),
  n: z.string().optional(),
});

function sign(secret: string, payload: string): string {
  return createHmac("sha256", secret).update(payload).digest("base64url");
}

export function signToken(secret: string, claims: TokenClaims): string {
  const body = {
    p: claims.purpose,
    s: claims.subject,
    e: claims.expires,
    ...(claims.nonce ? { n: claims.nonce } : {}),
  };
  const payload = Buffer.from(JSON.stringify(body)).toString("base64url");
  return `${payload}.${sign(secret, payload)}`;
}

/** Checks signature, purpose and expiry; throws `invalid` with a message a person can act on. */
export function verifyToken(secret: string, token: string, purpose: string, now: Date): TokenClaims {
  const [payload, signature, extra] = token.split(".");
  if (!payload || !signature || extra !== undefined) throw invalid("this link is malformed");
  const expected = Buffer.from(sign(secret, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw invalid("this link is not valid (it may have been altered)");
  }
  const parsed = payloadSchema.safeParse(safeJson(Buffer.from(payload, "base64url").toString("utf8")));
  if (!parsed.success || parsed.data.p !== purpose) throw invalid("this link is not meant for this page");
  if (parsed.data.e * 1000 < now.getTime()) throw invalid("this link has expired; ask for a new one");
  const claims = { purpose: parsed.data.p, subject: parsed.data.s, expires: parsed.data.e };
  return parsed.data.n ? { ...claims, nonce: parsed.data.n } : claims;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
