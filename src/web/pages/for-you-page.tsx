import type { PaperSummary } from "../../core/paper.js";
import type { ForYouList, ForYouWhy } from "../../lists/for-you.js";
import type { ForYouReason } from "../../ranking/for-you.js";
import { COLD_START_SIGNALS } from "../../ranking/for-you.js";
import { PostForm } from "../components/forms.js";
import { Layout } from "../components/layout.js";
import { MathText } from "../components/math-text.js";
import { Pagination } from "../components/pagination.js";
import { PaperCard } from "../components/paper-card.js";
import { PaperStats } from "../components/paper-stats.js";
import { Kept } from "../kept-fragment.js";
import type { ListMarks } from "./listed-papers.js";

/** One reason in words; a liked paper's title links to it. */
function Reason({ reason }: { reason: ForYouReason }) {
  switch (reason.kind) {
    case "like":
      return (
        <li>
          like{" "}
          <a href={`/papers/${reason.paperId}`}>
            <em>
              <MathText text={reason.title} />
            </em>
          </a>
          , which you {reason.signal === "upvote" ? "upvoted" : "saved"}
        </li>
      );
    case "author":
      return <li>by {reason.name}, whom you follow</li>;
    case "category":
      return <li>you follow {reason.category}</li>;
    case "trending":
      return <li>trending now</li>;
  }
}

export function Reasons({ why }: { why: ForYouWhy | undefined }) {
  if (!why || why.reasons.length === 0) return null;
  return (
    <div class="for-you-why">
      <span>Why: </span>
      <ul class="reasons">
        {why.reasons.map((reason) => (
          <Reason key={JSON.stringify(reason)} reason={reason} />
        ))}
      </ul>
    </div>
  );
}

/** Below three signals: what For you shows meanwhile, and the quickest ways to tell it more. */
function ColdStart({ signals }: { signals: number }) {
  const follow = (kind: "category" | "author", label: string, example: string) => (
    <PostForm action="/follow" class="follow-form">
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="on" value="1" />
      <input type="hidden" name="back" value="/papers/for-you" />
      <label>
        {label} <input name="value" required placeholder={example} maxLength={200} />
      </label>
      <button type="submit">Follow</button>
    </PostForm>
  );
  return (
    <section class="cold-start" aria-labelledby="cold-start-title">
      <h2 id="cold-start-title">Tell Paperboy what you like</h2>
      <p>
        For you learns from your signals alone, and it has {signals} of the {COLD_START_SIGNALS} it needs.
        Until then this list is the trending papers of these days, with the categories and authors you follow
        first. Follow a few, or upvote or save papers you like on <a href="/papers">the daily papers</a> or{" "}
        <a href="/papers/trending">trending</a>.
      </p>
      {follow("category", "Follow a category", "cs.CL")}
      {follow("author", "Follow an author", "Yann LeCun")}
    </section>
  );
}

interface ForYouCardProps {
  readonly paper: PaperSummary;
  readonly marks: ListMarks;
  readonly why: ForYouWhy | undefined;
}

// A kept list (lists/for-you.ts) shows the same paper objects again: each is written out as a key once.
const paperKeys = new WeakMap<PaperSummary, string>();

function paperKey(paper: PaperSummary): string {
  const key = paperKeys.get(paper) ?? JSON.stringify(paper);
  paperKeys.set(paper, key);
  return key;
}

/** One pick as a card, kept rendered (kept-fragment.tsx) while the paper, its marks and its reasons stand. */
function ForYouCard({ paper, marks, why }: ForYouCardProps) {
  const today = marks.today ?? null;
  const upvoted = marks.byPaper.get(paper.id)?.upvoted ?? false;
  const saved = marks.byPaper.get(paper.id)?.saved ?? false;
  const key = `for-you ${paperKey(paper)} ${JSON.stringify([today, upvoted, saved, why?.reasons])}`;
  return (
    <Kept tag="li" contentKey={key}>
      <PaperCard paper={paper} today={today}>
        <PaperStats paper={paper} upvoted={upvoted} saved={saved} />
        <Reasons why={why} />
      </PaperCard>
    </Kept>
  );
}

const span = (list: ForYouList) =>
  list.first === list.last ? `${list.last}` : `${list.first} to ${list.last}`;

export function ForYouPage({ list, marks }: { list: ForYouList; marks: ListMarks }) {
  return (
    <Layout title="For you" description="The best of the last days' papers for you, with reasons">
      <section class="list-header">
        <h1>For you</h1>
        <p class="list-date">
          {list.last === null
            ? "No papers yet."
            : `The best of ${span(list)} for you, learnt from your upvotes, saves, not-interested marks and follows alone.`}{" "}
          <a href="/about#for-you">How For you works</a>
        </p>
      </section>
      {list.coldStart ? <ColdStart signals={list.signalCount} /> : null}
      {list.papers.length === 0 ? (
        <p class="empty">No new papers in these days that you have not rated yet.</p>
      ) : (
        <ol class="paper-list for-you-list" start={(list.page - 1) * list.pageSize + 1}>
          {list.papers.map((paper) => (
            <ForYouCard key={paper.id} paper={paper} marks={marks} why={list.why.get(paper.id)} />
          ))}
        </ol>
      )}
      <Pagination list={list} />
    </Layout>
  );
}

/** For signed-out readers: what For you is, and a way in. */
export function ForYouSignIn() {
  return (
    <Layout title="For you" description="A ranking of new papers learnt from your own signals">
      <section class="list-header">
        <h1>For you</h1>
        <p>
          For you ranks the last days' papers for you alone, learnt from what you upvote, save, hide and
          follow, and says why each paper is there. <a href="/login?next=%2Fpapers%2Ffor-you">Sign in</a> to
          see yours.
        </p>
      </section>
    </Layout>
  );
}
