import type { FastifyInstance } from "fastify";
import { listeningAt } from "../../config.js";
import { describeDemo, loadDemoIfEmpty } from "../../ingestion/demo.js";
import { startScheduler } from "../../jobs/scheduler.js";
import { mailDeliveryLine } from "../../mail/mailer.js";
import { startKeywordIndexing } from "../../search/keyword-indexing.js";
import type { SemanticIndex } from "../../search/semantic-index.js";
import { createServices } from "../../services.js";
import { buildApp } from "../../web/app.js";
import type { Command } from "../command.js";
import { indexQueuedPapers } from "../keyword-index.js";
import { formatReport } from "./import.js";

export const serveCommand: Command = {
  name: "serve",
  usage: "serve [--port N] [--host H] [--no-jobs]",
  summary: "serve the web pages, the API and the feeds (and run scheduled jobs)",
  options: {
    port: { type: "string", short: "p" },
    host: { type: "string" },
    "no-jobs": { type: "boolean", default: false },
  },
  async run(args, context) {
    const port = args.values.port === undefined ? context.config.port : Number(args.values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new Error(`--port ${args.values.port} is not a port number`);
    const host = typeof args.values.host === "string" ? args.values.host : context.config.host;
    const config = listeningAt(context.config, host, port);
    const services = await createServices(config);
    context.stderr.write(`${mailDeliveryLine(services.mailer.delivery)}\n`);
    const started = performance.now();
    const demo = await loadDemoIfEmpty(services.database);
    if (demo)
      context.stderr.write(
        `empty database: loaded the demo corpus (${describeDemo(demo, formatReport(demo))}, ${since(started)})\n`,
      );
    // A bulk import queues its papers for the keyword index (see `paperboy import`): index them before the first
    // search can miss them.
    await indexQueuedPapers(services.database, context.stderr);
    const app = await buildApp(services);
    const address = await app.listen({ port, host });
    await warmFrontPage(app, context.stderr);
    // Counted from the process's start (performance.now()'s origin), as a newcomer waits for it.
    context.stderr.write(`Paperboy is serving on ${address}/papers (ready in ${since(0)})\n`);
    // Semantic search is built after listening: on a first start that means training the built-in model (on a
    // thread of its own) and embedding every paper, most of a minute, while pages and keyword search answer.
    buildSemanticSearch(services.semantic, context.stderr);
    // New papers (imported here or by another process) get vectors, and vectors other processes stored get
    // indexed here, on a timer rather than inside a search request.
    const stopRefreshing = services.semantic.startRefreshing((error) =>
      context.stderr.write(
        `semantic search: refresh failed: ${error instanceof Error ? error.message : error}\n`,
      ),
    );
    const stopIndexing = startKeywordIndexing(
      services.database,
      config.semanticRefreshSeconds * 1000,
      (error) =>
        context.stderr.write(`keyword index: failed: ${error instanceof Error ? error.message : error}\n`),
    );
    const scheduler = args.values["no-jobs"]
      ? null
      : startScheduler(services, { log: (line) => context.stderr.write(`${line}\n`) });
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    });
    await stopRefreshing();
    await stopIndexing();
    await scheduler?.stop();
    await app.close();
    await services.close();
    return 0;
  },
};

/**
 * Renders the front page once before the first visitor asks for it: after a start or a deploy under traffic,
 * the requests that come while a page is rendered are answered the copy kept before, and without one each
 * waited for that first render (264 ms for the day page on PostgreSQL under the load bench's first burst).
 */
async function warmFrontPage(app: FastifyInstance, log: NodeJS.WritableStream) {
  try {
    const answer = await app.inject({ method: "GET", url: "/papers" });
    if (answer.statusCode !== 200)
      log.write(`front page: HTTP ${answer.statusCode} before the first visitor\n`);
  } catch (error) {
    log.write(`front page: not rendered: ${error instanceof Error ? error.message : error}\n`);
  }
}

function buildSemanticSearch(semantic: SemanticIndex, log: NodeJS.WritableStream) {
  const building = performance.now();
  semantic.startBuilding().then(
    (embedded) => {
      const work = embedded > 0 ? `embedded ${embedded} papers in ${since(building)}` : "nothing to embed";
      log.write(`semantic search: ready (${work}; ${since(0)} after the process started)\n`);
    },
    (error: unknown) =>
      log.write(`semantic search: not built: ${error instanceof Error ? error.message : error}\n`),
  );
}

function since(started: number): string {
  return `${((performance.now() - started) / 1000).toFixed(1)} s`;
}
