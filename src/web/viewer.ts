import type { FastifyReply } from "fastify";
import { createContext } from "preact";
import { useContext } from "preact/hooks";
import type { Account } from "../core/account.js";
import type { MailDelivery } from "../mail/mail-types.js";
import { csrfToken } from "./auth/csrf.js";

/** Who is looking at a page, and the CSRF token its forms carry (made only when a form asks for it). */
export interface Viewer {
  readonly account: Account | null;
  csrfToken(): string;
  /** The path of the page, for "sign in to ..." links that bring the person back. */
  readonly path: string;
  /** Where this instance's mail goes: pages say so, and offer no sign-in or subscription when it goes nowhere. */
  readonly mail: MailDelivery;
  /** The signed-in reader already gets the digests: no call to subscribe. */
  readonly subscribed: boolean;
}

declare module "fastify" {
  interface FastifyInstance {
    /** The mailer's delivery, fixed for the process (set by buildApp). */
    mailDelivery: MailDelivery;
  }
}

const anonymous: Viewer = {
  account: null,
  csrfToken: () => "",
  path: "/papers",
  mail: { kind: "smtp" },
  subscribed: false,
};

export const ViewerContext = createContext<Viewer>(anonymous);

export function useViewer(): Viewer {
  return useContext(ViewerContext);
}

export function viewerOf(reply: FastifyReply): Viewer {
  return {
    account: reply.request.account ?? null,
    csrfToken: () => csrfToken(reply),
    path: reply.request.url,
    mail: reply.server.mailDelivery,
    subscribed: reply.request.subscribed,
  };
}
