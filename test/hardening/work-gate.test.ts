import { describe, expect, it } from "vitest";
import { WorkGate } from "../../src/search/work-gate.js";

describe("the search gate", () => {
  it("refuses at once, with a time to come back, when its line is full", async () => {
    const gate = new WorkGate(1, 1, "searches");
    const release: (() => void)[] = [];
    const held = new Promise<void>((resolve) => release.push(resolve));
    const running = gate.run(() => held);
    const waiting = gate.run(async () => "second");
    const refused = await gate.run(async () => "third").catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: "overloaded", details: { retryAfterSeconds: 2 } });
    for (const done of release) done();
    await running;
    expect(await waiting).toBe("second");
    expect(await gate.run(async () => "later")).toBe("later");
  });

  it("refuses work that waited in line longer than the gate allows, and gives each place back once", async () => {
    const gate = new WorkGate(1, 5, "requests", 20);
    const leave = await gate.enter();
    expect(gate.full).toBe(true);
    const late = await gate.enter().catch((error: unknown) => error);
    expect(late).toMatchObject({ code: "overloaded" });
    const waiting = gate.enter();
    leave();
    leave();
    const next = await waiting;
    expect(gate.full).toBe(true);
    next();
    expect(gate.full).toBe(false);
  });
});
