import { createHash, randomBytes } from "node:crypto";

/** A random, URL-safe secret (session cookies, API tokens, link nonces). 32 bytes = 256 bits. */
export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

/**
 * How secrets are stored: SHA-256, hex. The secrets are 256 random bits, so a fast hash is enough (there is
 * nothing to brute-force), and a stolen table cannot be turned back into working cookies or tokens.
 */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}
