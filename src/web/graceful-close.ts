import type { FastifyInstance } from "fastify";

/** How long `app.close()` lets responses in progress finish before it cuts their connections. */
export const CLOSE_GRACE_MS = 10_000;
const SWEEP_MS = 100;

/**
 * Makes `app.close()` end promptly. Node's `server.close()` drops the keep-alive connections that are idle at that
 * moment and then waits for the others. A connection whose response was still being written goes idle a moment
 * later and would hold the close open for the whole keep-alive timeout (72 s by Fastify's default), which stalls a
 * deploy's restart. So while closing, idle connections are dropped every 100 ms, and whatever is still open after
 * the grace period (a client that stopped reading, say) is cut.
 */
export function registerGracefulClose(app: FastifyInstance, graceMs = CLOSE_GRACE_MS): void {
  app.addHook("preClose", (done) => {
    const server = app.server;
    const sweep = setInterval(() => server.closeIdleConnections(), SWEEP_MS);
    const cut = setTimeout(() => server.closeAllConnections(), graceMs);
    sweep.unref();
    cut.unref();
    // The server emits "close" once its last connection has ended, listening or not.
    server.once("close", () => {
      clearInterval(sweep);
      clearTimeout(cut);
    });
    done();
  });
}
