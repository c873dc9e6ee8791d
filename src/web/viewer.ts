import type { FastifyReply } from "fastify";
import { createContext } from "preact";
import { useContext } from "preact/hooks";
import type { Account } from "../core/account.js";
import { csrfToken } from "./auth/csrf.js";

/** Who is looking at a page, and the CSRF token its forms carry (made only when a form asks for it). */
export interface Viewer {
  readonly account: Account | null;
  csrfToken(): string;
  /** The path of the page, for "sign in to ..." links that bring the person back. */
  readonly path: string;
}

const anonymous: Viewer = { account: null, csrfToken: () => "", path: "/papers" };

export const ViewerContext = createContext<Viewer>(anonymous);

export function useViewer(): Viewer {
  return useContext(ViewerContext);
}

export function viewerOf(reply: FastifyReply): Viewer {
  return {
    account: reply.request.account ?? null,
    csrfToken: () => csrfToken(reply),
    path: reply.request.url,
  };
}
