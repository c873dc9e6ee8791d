import type { Paper, PaperSummary } from "../../core/paper.js";
import { plainTexText } from "../../core/tex-text.js";
import { assetUrl } from "../assets.js";
import { EXPORT_FORMAT_NAMES, EXPORT_FORMATS } from "../citations/formats.js";
import { ArxivDates } from "../components/arxiv-dates.js";
import { CitationHead } from "../components/citation-head.js";
import { CiteBox } from "../components/cite-box.js";
import { CommentSection } from "../components/comment-thread.js";
import { CuratorPanel } from "../components/curator-panel.js";
import { Layout } from "../components/layout.js";
import { LinkedText, MathText } from "../components/math-text.js";
import { PaperActions } from "../components/paper-actions.js";
import { AuthorList, CategoryList } from "../components/paper-meta.js";
import { PaperStats } from "../components/paper-stats.js";
import { ShareHead } from "../components/share-head.js";
import { SubmitterLink } from "../components/submitter-link.js";
import { formatDay } from "../format.js";
import type { PaperCommunity } from "./paper-community.js";

export function PaperPage({
  paper,
  baseUrl,
  community,
  similar = [],
}: {
  readonly paper: Paper;
  readonly baseUrl: string;
  readonly community?: PaperCommunity;
  readonly similar?: readonly PaperSummary[];
}) {
  return (
    <Layout
      title={plainTexText(paper.title)}
      description={plainTexText(paper.abstract).slice(0, 200)}
      head={
        <>
          <CitationHead paper={paper} baseUrl={baseUrl} />
          <ShareHead title={paper.title} description={paper.abstract} url={`${baseUrl}/papers/${paper.id}`} />
          <script src={assetUrl("copy.js")} defer />
          <script src={assetUrl("times.js")} defer />
        </>
      }
    >
      <article class="paper" data-paper={paper.id}>
        <header>
          {paper.withdrawn ? <p class="notice">This paper has been withdrawn by its authors.</p> : null}
          <h1 class="paper-title">
            <MathText text={paper.title} />
          </h1>
          <p class="paper-authors">
            <AuthorList authors={paper.authors} />
          </p>
          <CategoryList categories={paper.categories} />
          <PaperActions paper={paper} />
          <ArxivDates paper={paper} />
          {paper.listingDay ? (
            <p class="featured">
              Featured on{" "}
              <a href={`/papers/date/${paper.listingDay}`}>
                <time datetime={paper.listingDay}>{formatDay(paper.listingDay)}</time>
              </a>
              {paper.submittedBy ? (
                <>
                  {" by "}
                  <SubmitterLink paper={paper} />
                </>
              ) : null}
            </p>
          ) : null}
          {community ? (
            <PaperStats
              paper={paper}
              upvoted={community.upvoted}
              saved={community.saved}
              rank={community.rank}
            />
          ) : null}
        </header>
        <section aria-labelledby="abstract-heading">
          <h2 id="abstract-heading">Abstract</h2>
          {paper.abstract.split("\n\n").map((paragraph) => (
            <p class="paper-abstract" key={paragraph}>
              <LinkedText text={paragraph} />
            </p>
          ))}
        </section>
        <PaperFacts paper={paper} />
        <CiteBox citations={citationsOf(paper)} />
        {community ? (
          <>
            <CuratorPanel paperId={paper.id} listingDay={paper.listingDay} today={community.today} />
            <CommentSection paperId={paper.id} comments={community.comments} />
          </>
        ) : null}
      </article>
      <SimilarPapers papers={similar} />
    </Layout>
  );
}

/** The paper in every export format, written by the same functions as its downloads and list exports. */
function citationsOf(paper: Paper) {
  return EXPORT_FORMAT_NAMES.map((format) => ({
    label: EXPORT_FORMATS[format].label,
    text: EXPORT_FORMATS[format].render([paper]),
    href: `/papers/${paper.id}/${format}`,
  }));
}

function PaperFacts({ paper }: { readonly paper: Paper }) {
  const facts: [string, string][] = [["arXiv id", paper.id]];
  if (paper.comment) facts.push(["Comments", paper.comment]);
  if (paper.journalRef) facts.push(["Journal reference", paper.journalRef]);
  if (paper.doi) facts.push(["DOI", paper.doi]);
  if (paper.versions.length > 0) {
    facts.push([
      "Versions",
      paper.versions.map((v) => `v${v.version} (${v.created.slice(0, 10)})`).join(", "),
    ]);
  }
  if (paper.license) facts.push(["Licence", paper.license]);
  return (
    <dl class="paper-facts">
      {facts.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{term === "Comments" ? <LinkedText text={value} /> : value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Nearest neighbours by embedding (src/search/similar-papers.ts). */
function SimilarPapers({ papers }: { readonly papers: readonly PaperSummary[] }) {
  if (papers.length === 0) return null;
  return (
    <section class="similar-papers" aria-labelledby="similar-heading">
      <h2 id="similar-heading">Similar papers</h2>
      <ul>
        {papers.map((p) => (
          <li key={p.id}>
            <a href={`/papers/${p.id}`}>
              <MathText text={p.title} />
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
