import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

/** A request the replay server received, for assertions on pacing, headers and query parameters. */
export interface RecordedRequest {
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  /** performance.now() when it arrived. */
  readonly at: number;
  /** Which TCP connection carried it (counts from 1). */
  readonly connection: number;
}

/**
 * A recorded (or derived) answer. `cutAfter` sends that many body bytes, then drops the connection; `hang`
 * never answers (for a client killed while it waits).
 */
export interface ReplayResponse {
  readonly status?: number;
  readonly headers?: Record<string, string>;
  readonly body?: string | Buffer;
  readonly cutAfter?: number;
  readonly hang?: boolean;
}

export type ReplayHandler = (request: RecordedRequest) => ReplayResponse;

export interface ReplayServer {
  readonly url: string;
  readonly requests: RecordedRequest[];
  handle(handler: ReplayHandler): void;
  close(): Promise<void>;
}

/** Serves recorded responses on 127.0.0.1 so the ingestion code runs its real HTTP path against them. */
export async function startReplayServer(
  handler: ReplayHandler = () => ({ status: 404 }),
): Promise<ReplayServer> {
  const requests: RecordedRequest[] = [];
  let current = handler;
  let connections = 0;
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const socket = req.socket as typeof req.socket & { replayId?: number };
    socket.replayId ??= ++connections;
    const recorded = {
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      at: performance.now(),
      connection: socket.replayId,
    };
    requests.push(recorded);
    const answer = current(recorded);
    if (answer.hang) return;
    const body = Buffer.from(answer.body ?? "");
    res.writeHead(answer.status ?? 200, { "content-length": String(body.length), ...answer.headers });
    if (answer.cutAfter === undefined) return res.end(body);
    res.write(body.subarray(0, answer.cutAfter), () => req.socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    handle(next) {
      current = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Answers with each response in turn, then keeps answering with the last. */
export function inTurn(...responses: ReplayResponse[]): ReplayHandler {
  let index = 0;
  return () => {
    const response = responses[Math.min(index, responses.length - 1)] ?? { status: 500 };
    index += 1;
    return response;
  };
}
