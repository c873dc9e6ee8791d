import { describe, expect, it } from "vitest";
import { humanLine } from "./dev-log.js";

describe("humanLine", () => {
  it("folds a request's two JSON lines into one short line", () => {
    const arrived = new Map<string, string>();
    const incoming = {
      level: 30,
      reqId: "req-1",
      req: { method: "GET", url: "/papers" },
      msg: "incoming request",
    };
    const completed = {
      level: 30,
      reqId: "req-1",
      res: { statusCode: 200 },
      responseTime: 4.4,
      msg: "request completed",
    };
    expect(humanLine(JSON.stringify(incoming), arrived)).toBeNull();
    expect(humanLine(JSON.stringify(completed), arrived)).toBe("GET /papers 200 4 ms");
    expect(arrived.size).toBe(0);
  });

  it("keeps other messages on one line with their level and error", () => {
    const warning = { level: 40, msg: "an outside service failed", err: { message: "ECONNREFUSED" } };
    expect(humanLine(JSON.stringify(warning), new Map())).toBe(
      "warn: an outside service failed: ECONNREFUSED",
    );
    expect(humanLine(JSON.stringify({ level: 30, msg: "Server listening" }), new Map())).toBe(
      "Server listening",
    );
    expect(humanLine("not json\n", new Map())).toBe("not json");
  });
});
