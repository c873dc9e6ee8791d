import { ms } from "./latency.js";
import { quartilesMb } from "./measured-run.js";
import type { AfterLoad, Figures } from "./sequence.js";

const n = (x: number) => Math.round(x).toLocaleString("en-US");
const s = (x: number) => `${x.toFixed(1)} s`;

/** Each query kind's p50 / p99 and its slowest queries, as table rows. */
export function latencyRows(latencies: AfterLoad["latencies"]): [string, string][] {
  const rows: [string, string][] = [];
  for (const [mode, latency] of latencies.modes)
    rows.push([
      `${mode} p50 / p99 (all 400; titles; phrases)`,
      `${ms(latency.all)}; ${ms(latency.titles)}; ${ms(latency.phrases)}; slowest ${latency.slowest.map(([q, t]) => `"${q}" ${t.toFixed(0)} ms`).join(", ")}`,
    ]);
  rows.push(["similar papers p50 / p99", ms(latencies.similar)]);
  const read = (mb: number | null) => (mb === null ? "not known" : `${mb.toFixed(1)} MB`);
  rows.push([
    "read from storage by the whole machine while each kind was timed (keyword; semantic; hybrid; similar)",
    [
      ...[...latencies.modes.values()].map((latency) => read(latency.readMb)),
      read(latencies.similarReadMb),
    ].join("; "),
  ]);
  return rows;
}

/** The load's figures: import, keyword index, embedding. */
function loadRows(papers: number, f: Figures): [string, string][] {
  const keywordReady = f.imported.seconds + f.keywordSeconds;
  return [
    [
      "import (`paperboy import`, process start included)",
      `${s(f.imported.seconds)}, ${n(papers / f.imported.seconds)} papers/s, peak RSS ${n(f.imported.peakMb)} MB (RSS at 25/50/75/100%: ${quartilesMb(f.imported.samplesMb).join(" / ")} MB)`,
    ],
    ["keyword index (`paperboy index`, first part)", s(f.keywordSeconds)],
    ["stored and keyword-searchable", s(keywordReady)],
    [
      "embedding and vector index (`paperboy index`, the rest)",
      `${s(f.indexed.seconds - f.keywordSeconds)}, peak RSS of \`index\` ${n(f.indexed.peakMb)} MB (${quartilesMb(f.indexed.samplesMb).join(" / ")} MB)`,
    ],
    ["of which the embedder's training, on its sample (to the first stored batch)", s(f.trainSeconds)],
    ["searchable by meaning, from an empty database", s(f.imported.seconds + f.indexed.seconds)],
  ];
}

/**
 * The figures of one sequence as a Markdown table, ready for docs/performance.md; without the load's rows when
 * only what follows the load was measured (`bench scale --database`).
 */
export function printTable(database: string, papers: number, f: AfterLoad | Figures, load: string): void {
  const rows: [string, string][] = [
    ["papers", n(papers)],
    ...("imported" in f ? loadRows(papers, f) : []),
    ...(f.vacuumSeconds > 0
      ? [["`vacuum analyze` after the load", s(f.vacuumSeconds)] as [string, string]]
      : []),
    ["on disk", `${n(f.bytes / 1024 / 1024)} MB`],
    ["a fresh process's first refresh (embedder and vector index loaded)", s(f.loadSeconds)],
  ];
  rows.push(...latencyRows(f.latencies));
  rows.push([
    "vector index top-10 agreement with the exact scan (400 real-text queries)",
    `${(100 * f.agreement.served).toFixed(1)}%`,
  ]);
  rows.push([
    "served top-10 positions holding a paper as near as the exact 10th (cosine within 0.001)",
    `${(100 * f.agreement.nearTies).toFixed(1)}%`,
  ]);
  for (const b of f.agreement.byBreadth)
    rows.push([
      `the same index, probe factor ${b.probeFactor} (${b.probes} lists): 8-bit agreement; index search p50 / p99`,
      `${(100 * b.agreement).toFixed(1)}%; ${ms(b.search)}`,
    ]);
  if (f.dayPage) {
    rows.push([`day list query, 50 of ${f.dayPage.papers} featured, p50 / p99`, ms(f.dayPage.query)]);
    rows.push(["day page (in process) p50 / p99", ms(f.dayPage.page)]);
  }
  if (f.increment) {
    const inc = f.increment;
    rows.push([
      `a day's ${n(inc.papers)} new papers: import, keyword index, embed, findable`,
      `${s(inc.findableSeconds)} (import ${s(inc.importSeconds)}, then at once keyword index ${s(inc.keywordSeconds)} and embedding ${s(inc.embedSeconds)}; GIN's pending entries merged after it in ${s(inc.mergeSeconds)}); ${n(inc.foundByTitle)} found first by title, ${n(inc.embedded)} embedded`,
    ]);
  }
  rows.push(["`serve`: first search by meaning answered after start", s(f.serve.readySeconds)]);
  rows.push([
    "`serve` resident memory after the 1,200 bench searches (peak)",
    `${n(f.serve.rssMb)} MB (${n(f.serve.peakMb)} MB)`,
  ]);
  console.log(`\n${database}, ${n(papers)} papers; load average (1 / 5 / 15 min) at the end ${load}\n`);
  console.log("| what | figure |\n| --- | --- |");
  for (const [what, figure] of rows) console.log(`| ${what} | ${figure} |`);
}
