/**
 * Links authors put in an abstract or arXiv comment ("Code: https://github.com/x/y", "Project page: ...").
 * Hugging Face asks authors to add them by hand; Paperboy reads them from the metadata it already has.
 */
const URL_PATTERN = /https?:\/\/[^\s<>"'()[\]{}]+/g;
const GITHUB_REPO = /^https?:\/\/(?:www\.)?github\.com\/([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)/;
// GitLab projects may sit in nested groups; "/-/" starts the project's own pages (tree, blob, issues).
const GITLAB_REPO =
  /^https?:\/\/(?:www\.)?gitlab\.com\/((?:[A-Za-z0-9_.-]+\/)+?[A-Za-z0-9_.-]+?)(?:\.git)?(?:\/-\/|\/?$|[?#])/;
const NOT_PROJECT_PAGES =
  /(?:arxiv\.org|doi\.org|github\.com|gitlab\.com|creativecommons\.org|huggingface\.co\/papers)/i;

export interface PaperLinks {
  readonly githubRepo: string | null;
  /** The first code repository: the GitHub one, else a GitLab one. */
  readonly codeRepo: string | null;
  readonly projectPage: string | null;
}

function urlsIn(texts: readonly (string | null)[]): string[] {
  const urls: string[] = [];
  for (const text of texts) {
    // A sentence often ends right after the link: "available at https://x.io/p."
    for (const match of text?.matchAll(URL_PATTERN) ?? []) urls.push(match[0].replace(/[.,;:]+$/, ""));
  }
  return urls;
}

function githubRepoOf(url: string): string | null {
  const match = GITHUB_REPO.exec(url);
  if (!match) return null;
  return `https://github.com/${match[1]}/${(match[2] ?? "").replace(/\.git$/, "")}`;
}

function gitlabRepoOf(url: string): string | null {
  const match = GITLAB_REPO.exec(url);
  return match ? `https://gitlab.com/${match[1]}` : null;
}

/**
 * The first GitHub repository, the first GitLab one, and the first other web page named in a paper's comment
 * or abstract.
 */
export function paperLinks(comment: string | null, abstract: string): PaperLinks {
  const urls = urlsIn([comment, abstract]);
  let githubRepo: string | null = null;
  let gitlabRepo: string | null = null;
  let projectPage: string | null = null;
  for (const url of urls) {
    githubRepo ??= githubRepoOf(url);
    gitlabRepo ??= gitlabRepoOf(url);
    if (!projectPage && !NOT_PROJECT_PAGES.test(url)) projectPage = url;
  }
  return { githubRepo, codeRepo: githubRepo ?? gitlabRepo, projectPage };
}
