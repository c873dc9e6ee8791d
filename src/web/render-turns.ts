/**
 * Page renders take turns with the event loop: a render waits for the loop's check phase, and one render runs per
 * turn of the loop. Requests that arrived meanwhile are read in the poll phase before it, so a kept page (answered
 * as soon as its request is read) waits behind at most one render, not behind every render whose data came back
 * in the same turn. A render takes milliseconds (a paper page with its formulas, a search page); under load the
 * loop used to run several in a row while kept pages waited.
 */
const waiting: Array<() => void> = [];
let scheduled = false;

function release() {
  scheduled = false;
  waiting.shift()?.();
  schedule();
}

function schedule() {
  if (scheduled || waiting.length === 0) return;
  scheduled = true;
  // An immediate queued while immediates run waits for the next turn: one render per turn.
  setImmediate(release);
}

/** Resolves when it is this render's turn; render synchronously right after. */
export function renderTurn(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    schedule();
  });
}
