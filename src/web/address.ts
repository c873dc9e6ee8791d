/** The parts of a site-relative address: its path and its query parameters. */
function split(address: string): { path: string; params: URLSearchParams } {
  const [path = "", query = ""] = address.split("?", 2);
  return { path, params: new URLSearchParams(query) };
}

/** An address with one query parameter set to `value`, or left out when `value` is null. */
export function withParameter(address: string, name: string, value: string | null): string {
  const { path, params } = split(address);
  if (value === null) params.delete(name);
  else params.set(name, value);
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** One query parameter of an address, or null. */
export function parameterOf(address: string, name: string): string | null {
  return split(address).params.get(name);
}
