import type { FastifyRequest } from "fastify";

/**
 * The path as the router understood it: the matched route's pattern (`/api/papers/:id`), or for an address no
 * route matched, the percent-decoded path. Hooks that treat a part of the site differently must look at this,
 * not at the raw URL: `/%61pi/categories` reaches the same route as `/api/categories`.
 */
export function routedPath(request: FastifyRequest): string {
  const route = request.routeOptions.url;
  if (route) return route;
  const raw = request.url.split("?")[0] ?? "";
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** Under /api/: JSON errors, bearer tokens instead of cookies, the API's rate limits. */
export function isApiRequest(request: FastifyRequest): boolean {
  return routedPath(request).startsWith("/api/");
}
