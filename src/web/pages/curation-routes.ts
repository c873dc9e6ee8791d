import type { FastifyInstance } from "fastify";
import { h } from "preact";
import { z } from "zod";
import { curatorLog, featurePaper, movePaper, unfeaturePaper } from "../../community/curation.js";
import { parseArxivId } from "../../core/arxiv-id.js";
import { parseDay } from "../../core/listing-day.js";
import type { Services } from "../../services.js";
import { requireRole } from "../auth/guards.js";
import { parseForm } from "../form.js";
import { CuratorLogPage } from "./curator-log-page.js";
import { sendPage } from "./send-page.js";

const dayForm = z.object({ paper: z.string().max(200), day: z.string().max(20) });
const paperForm = z.object({ paper: z.string().max(200) });

/** Curators feature, unfeature and move papers; the log of their actions is open to curators. */
export function registerCurationPages(app: FastifyInstance, services: Services) {
  app.post("/curate/feature", async (request, reply) => {
    const form = parseForm(dayForm, request.body);
    const { id } = parseArxivId(form.paper);
    await featurePaper(services, requireRole(request, "curator"), id, parseDay(form.day));
    return reply.redirect(`/papers/${id}`, 303);
  });
  app.post("/curate/move", async (request, reply) => {
    const form = parseForm(dayForm, request.body);
    const { id } = parseArxivId(form.paper);
    await movePaper(services, requireRole(request, "curator"), id, parseDay(form.day));
    return reply.redirect(`/papers/${id}`, 303);
  });
  app.post("/curate/unfeature", async (request, reply) => {
    const { id } = parseArxivId(parseForm(paperForm, request.body).paper);
    await unfeaturePaper(services, requireRole(request, "curator"), id);
    return reply.redirect(`/papers/${id}`, 303);
  });
  app.get("/curate/log", async (request, reply) => {
    requireRole(request, "curator");
    return sendPage(reply, h(CuratorLogPage, { entries: await curatorLog(services.database, 200) }));
  });
}
