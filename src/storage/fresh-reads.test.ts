import { describe, expect, it } from "vitest";
import { FreshReads } from "./fresh-reads.js";

/** A query whose answers come when the test says: the n-th query answers `n` once released. */
function controlledQuery() {
  const releases: (() => void)[] = [];
  let started = 0;
  let inFlight = 0;
  let mostInFlight = 0;
  const query = () => {
    started += 1;
    inFlight += 1;
    mostInFlight = Math.max(mostInFlight, inFlight);
    const n = started;
    return new Promise<number>((resolve) =>
      releases.push(() => {
        inFlight -= 1;
        resolve(n);
      }),
    );
  };
  const release = async () => {
    releases.shift()?.();
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { query, release, counts: () => ({ started, mostInFlight }) };
}

describe("fresh reads", () => {
  it("answers a caller who came during a read with the next read, shared by all who came meanwhile", async () => {
    const { query, release, counts } = controlledQuery();
    const reads = new FreshReads(query);
    const first = reads.read();
    const during = [reads.read(), reads.read(), reads.read()];
    expect(counts().started).toBe(1);
    await release();
    expect(await first).toBe(1);
    // The second read started only once the first ended, after these callers asked.
    expect(counts().started).toBe(2);
    const later = reads.read();
    await release();
    expect(await Promise.all(during)).toEqual([2, 2, 2]);
    await release();
    expect(await later).toBe(3);
    expect(counts()).toEqual({ started: 3, mostInFlight: 1 });
  });

  it("starts a new read for a caller when none runs, and after a failed one", async () => {
    let calls = 0;
    const reads = new FreshReads(async () => {
      calls += 1;
      if (calls === 1) throw new Error("connection lost");
      return calls;
    });
    const failed = reads.read();
    const next = reads.read();
    await expect(failed).rejects.toThrow("connection lost");
    expect(await next).toBe(2);
    expect(await reads.read()).toBe(3);
  });
});
