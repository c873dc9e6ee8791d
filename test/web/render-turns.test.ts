import { describe, expect, it } from "vitest";
import { renderTurn } from "../../src/web/render-turns.js";

describe("render turns", () => {
  it("gives renders asked for together one turn of the event loop each, in the order asked", async () => {
    // A ticker queued first runs once at the start of each turn's check phase, before that turn's render.
    let turn = 0;
    let ticking = true;
    const tick = () => {
      turn += 1;
      if (ticking) setImmediate(tick);
    };
    setImmediate(tick);
    const rendered: number[] = [];
    const turns = await Promise.all(
      [1, 2, 3, 4].map(async (render) => {
        await renderTurn();
        rendered.push(render);
        return turn;
      }),
    );
    ticking = false;
    expect(rendered).toEqual([1, 2, 3, 4]);
    expect(turns).toEqual([turns[0], (turns[0] ?? 0) + 1, (turns[0] ?? 0) + 2, (turns[0] ?? 0) + 3]);
  });
});
