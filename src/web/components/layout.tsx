import type { ComponentChildren } from "preact";
import { AccountNav } from "./account-nav.js";

export interface LayoutProps {
  readonly title: string;
  readonly description?: string;
  readonly children: ComponentChildren;
  /** Extra elements for <head>: feed links, citation meta tags, JSON-LD. */
  readonly head?: ComponentChildren;
}

export function Layout({ title, description, children, head }: LayoutProps) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title === "Paperboy" ? title : `${title} · Paperboy`}</title>
        {description ? <meta name="description" content={description} /> : null}
        <link rel="stylesheet" href="/assets/site.css" />
        {head}
      </head>
      <body>
        <a class="skip-link" href="#main">
          Skip to content
        </a>
        <header class="site-header">
          <nav aria-label="Site">
            <a class="brand" href="/papers">
              Paperboy
            </a>
            <a href="/papers">Daily papers</a>
            <a href="/papers/trending">Trending</a>
            <a href="/papers/submit">Submit</a>
            <AccountNav />
          </nav>
        </header>
        <main id="main">{children}</main>
        <footer class="site-footer">
          <p>
            Paper metadata from <a href="https://arxiv.org">arXiv</a>. Paperboy is free software you can host
            yourself.
          </p>
        </footer>
      </body>
    </html>
  );
}
