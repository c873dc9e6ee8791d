import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Config } from "../../config.js";
import { PACKAGE_ROOT } from "../../paths.js";
import { HttpClient } from "./client.js";
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from "./retry-policy.js";
import { userAgent } from "./user-agent.js";

/**
 * One polite client per external host group. arXiv's OAI-PMH and export API share one client, so together
 * they keep arXiv's one-connection, one-request-per-interval rule.
 */
export interface ExternalSources {
  readonly arxiv: HttpClient;
  readonly huggingFace: HttpClient;
  close(): void;
}

// Hugging Face publishes no crawl delay; one request a second keeps a multi-month backfill gentle.
const HF_INTERVAL_MS = 1000;

function packageVersion(): string {
  try {
    const parsed = JSON.parse(readFileSync(join(PACKAGE_ROOT, "package.json"), "utf8")) as {
      version?: string;
    };
    return parsed.version ?? "0";
  } catch {
    return "0";
  }
}

export function createExternalSources(config: Config, policy: Partial<RetryPolicy> = {}): ExternalSources {
  const agent = userAgent(config.mailFrom, packageVersion());
  const arxiv = new HttpClient({
    userAgent: agent,
    policy: { ...DEFAULT_RETRY_POLICY, minIntervalMs: config.arxivRequestIntervalMs, ...policy },
  });
  const huggingFace = new HttpClient({
    userAgent: agent,
    policy: { ...DEFAULT_RETRY_POLICY, minIntervalMs: HF_INTERVAL_MS, ...policy },
  });
  return {
    arxiv,
    huggingFace,
    close() {
      arxiv.close();
      huggingFace.close();
    },
  };
}
