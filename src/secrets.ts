import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { Config } from "./config.js";

/**
 * The key that signs tokens and cookies. Production must set SECRET_KEY; on a developer's machine one is
 * generated once into data/secret.key (readable by its owner only) so restarts keep sessions valid.
 */
export function resolveSecretKey(config: Config, keyFile = "data/secret.key"): string {
  if (config.secretKey) return config.secretKey;
  if (existsSync(keyFile)) return readFileSync(keyFile, "utf8").trim();
  mkdirSync(dirname(keyFile), { recursive: true });
  const key = randomBytes(32).toString("base64url");
  writeFileSync(keyFile, `${key}\n`, { mode: 0o600 });
  chmodSync(keyFile, 0o600);
  return key;
}
