/** The three formats every list is published in, by file extension. */
export const FEED_FORMATS = [
  { extension: "rss", type: "application/rss+xml", label: "RSS" },
  { extension: "atom", type: "application/atom+xml", label: "Atom" },
  { extension: "json", type: "application/feed+json", label: "JSON Feed" },
] as const;

export type FeedExtension = (typeof FEED_FORMATS)[number]["extension"];

/** A list's feed URL; `path` has no extension (`/feeds/day/2026-06-30`), `query` is appended as is. */
export function feedHref(path: string, extension: FeedExtension, query = ""): string {
  return `${path}.${extension}${query}`;
}

/** `<link rel="alternate">` for <head>, so feed readers find a page's feeds. */
export function FeedLinks({ path, title, query }: { path: string; title: string; query?: string }) {
  return (
    <>
      {FEED_FORMATS.map((format) => (
        <link
          key={format.extension}
          rel="alternate"
          type={format.type}
          title={`${title} (${format.label})`}
          href={feedHref(path, format.extension, query)}
        />
      ))}
    </>
  );
}

/** The visible links to a list's feeds (the email call is SubscribeCta). */
export function FollowList({ path, query }: { path: string; query?: string }) {
  return (
    <aside class="follow-list" aria-label="Follow this list">
      {"Feeds: "}
      {FEED_FORMATS.map((format, index) => (
        <span key={format.extension}>
          {index > 0 ? ", " : ""}
          <a href={feedHref(path, format.extension, query)} type={format.type}>
            {format.label}
          </a>
        </span>
      ))}
    </aside>
  );
}
