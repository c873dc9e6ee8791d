import { plainTexText } from "../../core/tex-text.js";
import { truncateWords } from "../../core/text.js";

/** Open Graph and Twitter card tags, so a shared paper link previews with its title and abstract. */
export function ShareHead({
  title,
  description,
  url,
}: {
  readonly title: string;
  readonly description: string;
  readonly url: string;
}) {
  const plainTitle = plainTexText(title);
  const summary = truncateWords(plainTexText(description), 300);
  return (
    <>
      <meta property="og:type" content="article" />
      <meta property="og:site_name" content="Paperboy" />
      <meta property="og:title" content={plainTitle} />
      <meta property="og:description" content={summary} />
      <meta property="og:url" content={url} />
      <meta name="twitter:card" content="summary" />
      <meta name="twitter:title" content={plainTitle} />
      <meta name="twitter:description" content={summary} />
    </>
  );
}
