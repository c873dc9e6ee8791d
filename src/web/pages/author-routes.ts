import type { FastifyInstance } from "fastify";
import { h } from "preact";
import { z } from "zod";
import { authorPapers } from "../../community/author-papers.js";
import type { Services } from "../../services.js";
import { parseForm } from "../form.js";
import { AuthorPage } from "./author-page.js";
import { rowMarks } from "./row-marks.js";
import { sendPage } from "./send-page.js";

const authorQuery = z.object({
  page: z.coerce.number({ error: "page must be a whole number from 1" }).int().min(1).max(10_000).default(1),
});
const authorName = z.string().trim().min(1, "an author's name is needed").max(200, "that name is too long");

/** `/authors/NAME`: an author's papers under every spelling the folding rule lets meet, and a follow button. */
export function registerAuthorPages(app: FastifyInstance, services: Services) {
  app.get<{ Params: { name: string } }>(
    "/authors/:name",
    { config: { pageCache: true } },
    async (request, reply) => {
      const { page } = parseForm(authorQuery, request.query);
      const name = parseForm(authorName, request.params.name);
      const account = request.account;
      const list = await authorPapers(services.database, { name, page, viewerId: account?.id ?? null });
      const marks = await rowMarks(
        services.database,
        account,
        list.papers.map((p) => p.id),
      );
      return sendPage(reply, h(AuthorPage, { ...list, marks }));
    },
  );
}
