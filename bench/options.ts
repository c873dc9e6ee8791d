/** Options after the benchmark names (`npm run bench -- scale --papers 300000`): `--name value` or `--flag`. */
export type BenchOptions = Readonly<Record<string, string>>;

/** Splits the command line into benchmark names (before the first option) and options. */
export function splitBenchArgs(args: readonly string[]): { names: string[]; options: BenchOptions } {
  const first = args.findIndex((arg) => arg.startsWith("--"));
  const names = first < 0 ? [...args] : args.slice(0, first);
  const options: Record<string, string> = {};
  const rest = first < 0 ? [] : args.slice(first);
  for (let i = 0; i < rest.length; i += 1) {
    const arg = rest[i] ?? "";
    if (!arg.startsWith("--")) throw new Error(`bench: "${arg}" is neither an option nor an option's value`);
    const [name = "", inline] = arg.slice(2).split("=", 2);
    const next = rest[i + 1];
    if (inline !== undefined) options[name] = inline;
    else if (next !== undefined && !next.startsWith("--")) {
      options[name] = next;
      i += 1;
    } else options[name] = "true";
  }
  return { names, options };
}

/** A whole-number option (underscores and commas allowed: 3_000_000), or its default. */
export function countOption(options: BenchOptions, name: string, fallback: number): number {
  const text = options[name];
  if (text === undefined) return fallback;
  const value = Number(text.replace(/[_,]/g, ""));
  if (!Number.isInteger(value) || value < 0)
    throw new Error(`bench: --${name} must be a whole number, not "${text}"`);
  return value;
}
