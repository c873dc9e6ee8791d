import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { KATEX_PREFIX } from "../assets.js";
import { ruleForClass } from "./style-classes.js";

const MATH_CSS_PATH = "/assets/math.css";
// Keeps each stylesheet address well under the 8 KB that proxies commonly allow for a request line.
const CLASSES_PER_LINK = 200;

const query = z.object({ c: z.string().max(8000).default("") });

/** The <link> elements a page with mathematics needs: KaTeX's stylesheet and its style classes. */
export function mathStylesheetLinks(classes: readonly string[]): string {
  const links = [`<link rel="stylesheet" href="${KATEX_PREFIX}katex.min.css">`];
  for (let i = 0; i < classes.length; i += CLASSES_PER_LINK) {
    const list = classes.slice(i, i + CLASSES_PER_LINK).join(",");
    links.push(`<link rel="stylesheet" href="${MATH_CSS_PATH}?c=${list}">`);
  }
  return links.join("");
}

/** Serves the rules for the style classes a page lists; the address alone decides the content. */
export function registerMathStylesheet(app: FastifyInstance) {
  app.get(MATH_CSS_PATH, async (request, reply) => {
    const parsed = query.safeParse(request.query);
    const names = parsed.success ? parsed.data.c.split(",") : [];
    const rules = names.flatMap((name) => ruleForClass(name) ?? []);
    return reply
      .type("text/css; charset=utf-8")
      .header("cache-control", "public, max-age=31536000, immutable")
      .send(rules.join("\n"));
  });
}
