import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import katex from "katex";
import { PUBLIC_DIR } from "../paths.js";

/** KaTeX's stylesheet and fonts come from the installed package, under a versioned path (no CDN). */
export const KATEX_DIR = dirname(createRequire(import.meta.url).resolve("katex/dist/katex.min.css"));
export const KATEX_PREFIX = `/assets/katex-${katex.version}/`;
const KATEX_FILES = /^\/?(katex\.min\.css|fonts\/KaTeX_[A-Za-z0-9_-]+\.(woff2|woff|ttf))$/;

const versions = new Map<string, string>();

/** `/assets/NAME?v=HASH`: the hash of the file's content, so a changed file is fetched anew at once. */
export function assetUrl(name: string): string {
  let version = versions.get(name);
  if (!version) {
    version = createHash("sha256")
      .update(readFileSync(join(PUBLIC_DIR, name)))
      .digest("hex")
      .slice(0, 10);
    versions.set(name, version);
  }
  return `/assets/${name}?v=${version}`;
}

export async function registerAssets(app: FastifyInstance) {
  await app.register(fastifyStatic, { root: PUBLIC_DIR, prefix: "/assets/", maxAge: "1d" });
  await app.register(fastifyStatic, {
    root: KATEX_DIR,
    prefix: KATEX_PREFIX,
    decorateReply: false,
    maxAge: "365d",
    immutable: true,
    allowedPath: (path) => KATEX_FILES.test(path),
  });
}
