export interface Percentiles {
  readonly p50: number;
  readonly p99: number;
}

export function percentiles(samples: readonly number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { p50: at(0.5), p99: at(0.99) };
}

/** Runs `work` once per input, one at a time, and gives the time each took (ms). */
export async function timeEach<T>(
  inputs: readonly T[],
  work: (input: T) => Promise<unknown>,
): Promise<number[]> {
  const samples: number[] = [];
  for (const input of inputs) {
    const started = performance.now();
    await work(input);
    samples.push(performance.now() - started);
  }
  return samples;
}

export const ms = (p: Percentiles) => `${p.p50.toFixed(1)} / ${p.p99.toFixed(1)} ms`;
