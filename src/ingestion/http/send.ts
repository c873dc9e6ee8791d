import http, { type IncomingHttpHeaders } from "node:http";
import https from "node:https";
import { gunzipSync } from "node:zlib";

/** A whole response: status, headers and the (decompressed) body. */
export interface HttpResponse {
  readonly url: string;
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

/** A failure below HTTP (refused, reset, timed out, body cut off): worth retrying. */
export class NetworkError extends Error {
  override name = "NetworkError";
}

export interface SendOptions {
  readonly headers: Record<string, string>;
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
}

/** One keep-alive connection per scheme: arXiv asks robots not to open parallel connections. */
export function createAgents() {
  return {
    "http:": new http.Agent({ keepAlive: true, maxSockets: 1 }),
    "https:": new https.Agent({ keepAlive: true, maxSockets: 1 }),
  };
}
export type Agents = ReturnType<typeof createAgents>;

/** One GET, body read to the end; a body shorter than announced or cut mid-stream is a NetworkError. */
export function send(url: URL, agents: Agents, options: SendOptions): Promise<HttpResponse> {
  const lib = url.protocol === "https:" ? https : http;
  const agent = url.protocol === "https:" ? agents["https:"] : agents["http:"];
  return new Promise((resolve, reject) => {
    const fail = (error: Error) => reject(asNetworkError(error));
    const request = lib.get(url, { agent, headers: options.headers, signal: options.signal }, (response) => {
      const chunks: Buffer[] = [];
      let received = 0;
      response.on("data", (chunk: Buffer) => {
        chunks.push(chunk);
        received += chunk.length;
      });
      response.on("error", (error) =>
        fail(new NetworkError(`body cut off after ${received} bytes (${error.message})`)),
      );
      response.on("end", () => {
        if (!response.complete) return fail(new NetworkError(`body cut off after ${received} bytes`));
        try {
          const body = decode(Buffer.concat(chunks), response.headers["content-encoding"]);
          resolve({ url: url.toString(), status: response.statusCode ?? 0, headers: response.headers, body });
        } catch (error) {
          fail(
            new NetworkError(
              `compressed body unreadable after ${received} bytes (${(error as Error).message})`,
            ),
          );
        }
      });
    });
    request.setTimeout(options.timeoutMs, () =>
      request.destroy(new NetworkError(`no answer for ${Math.round(options.timeoutMs / 1000)} s`)),
    );
    request.on("error", fail);
  });
}

function decode(body: Buffer, encoding: string | undefined): Buffer {
  return encoding === "gzip" ? gunzipSync(body) : body;
}

function asNetworkError(error: Error): Error {
  if (error.name === "AbortError" || error instanceof NetworkError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  return new NetworkError(code ? `${code}: ${error.message}` : error.message);
}
