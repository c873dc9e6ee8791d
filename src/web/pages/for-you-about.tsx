import {
  BLOCK_WEIGHTS,
  COLD_START_SIGNALS,
  FOLLOWED_AUTHOR_PRIOR,
  FOLLOWED_CATEGORY_PRIOR,
  NOT_INTERESTED_WEIGHT,
  UNRATED_SAMPLE,
} from "../../ranking/for-you.js";

/** For you in words, for the about page (the numbers come from the code). */
export function ForYouAbout() {
  return (
    <>
      <h2 id="for-you">How For you works</h2>
      <p>
        <a href="/papers/for-you">For you</a> ranks the last days' papers for one reader, learnt from that
        reader's signals and nobody else's. Papers you upvote or save teach it what you want; papers you mark
        not interested, each counted {NOT_INTERESTED_WEIGHT} times, and {UNRATED_SAMPLE} of this site's other
        papers teach it what you pass over. It is a linear classifier (a support vector machine, as
        arxiv-sanity used) over each paper's words, authors, categories and its vector from the search
        embedder, authors weighing {BLOCK_WEIGHTS.authors} times as much as words. Following an author lifts
        their papers by {FOLLOWED_AUTHOR_PRIOR}, following a category by {FOLLOWED_CATEGORY_PRIOR}, on a scale
        where the papers it learnt from sit at +1 and −1. It is trained again whenever your signals change,
        and every paper says why it is there: the paper you liked it is like, or what you follow.
      </p>
      <p>
        With fewer than {COLD_START_SIGNALS} signals there is nothing to learn from yet: For you then shows
        the trending papers of those days, with the categories and authors you follow first, and says so.
      </p>
    </>
  );
}
