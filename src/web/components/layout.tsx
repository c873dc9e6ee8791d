import type { ComponentChildren } from "preact";
import { assetUrl } from "../assets.js";
import { useViewer } from "../viewer.js";
import { SearchBox } from "./search-box.js";
import { SiteMenu } from "./site-menu.js";

export interface LayoutProps {
  readonly title: string;
  readonly description?: string;
  readonly children: ComponentChildren;
  /** Extra elements for <head>: feed links, citation meta tags, JSON-LD. */
  readonly head?: ComponentChildren;
  /** The text to show in the header's search box (the search page passes the current query). */
  readonly searchQuery?: string;
}

export function Layout({ title, description, children, head, searchQuery }: LayoutProps) {
  const { account } = useViewer();
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light dark" />
        <title>{title === "Paperboy" ? title : `${title} · Paperboy`}</title>
        {description ? <meta name="description" content={description} /> : null}
        <link rel="stylesheet" href={assetUrl("site.css")} />
        <link rel="stylesheet" href={assetUrl("triage.css")} />
        <script src={assetUrl("keys.js")} defer />
        {account ? <script src={assetUrl("library.js")} defer /> : null}
        {head}
      </head>
      <body>
        <a class="skip-link" href="#main">
          Skip to content
        </a>
        <header class="site-header">
          <nav class="site-nav" aria-label="Site">
            <a class="brand" href="/papers">
              Paperboy
            </a>
            <a href="/papers">Daily papers</a>
            <a href="/papers/new">New papers</a>
            <a href="/papers/trending">Trending</a>
            <a href="/papers/for-you">For you</a>
            <SiteMenu />
          </nav>
          <SearchBox query={searchQuery} />
        </header>
        <main id="main">{children}</main>
        <footer class="site-footer">
          <p class="key-hints">
            Keys: <kbd>j</kbd>/<kbd>k</kbd> next/previous paper, <kbd>o</kbd> open, <kbd>u</kbd> upvote,{" "}
            <kbd>/</kbd> search.
          </p>
          <nav class="footer-links" aria-label="About Paperboy">
            <a href="/about">About Paperboy and its trending formula</a>
            <a href="/docs/api">API documentation</a>
          </nav>
          <p>
            Paper metadata from <a href="https://arxiv.org">arXiv</a>. Paperboy is free software you can host
            yourself.
          </p>
        </footer>
      </body>
    </html>
  );
}
