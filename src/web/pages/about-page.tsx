import { PAPERS_OF_THE_DAY } from "../../lists/papers-of-the-day.js";
import { AGE_OFFSET_HOURS, COMMENT_WEIGHT, GRAVITY, TRENDING_WINDOW_DAYS } from "../../ranking/trending.js";
import { Layout } from "../components/layout.js";
import { ForYouAbout } from "./for-you-about.js";

/** What Paperboy is, and the trending formula in words and symbols (the numbers come from the code). */
export function AboutPage({ maxAgeDays }: { maxAgeDays: number }) {
  return (
    <Layout title="About" description="What Paperboy is and how its trending list is ranked">
      <article class="narrow">
        <h1>About Paperboy</h1>
        <p>
          Paperboy is a self-hosted hub for new research papers. Members submit papers from arXiv to the day's
          list, upvote them and discuss them; curators feature, move and moderate.
          {maxAgeDays > 0 ? ` Papers up to ${maxAgeDays} days old can be submitted.` : null}
        </p>
        <h2 id="new-and-featured">New papers and featured papers</h2>
        <p>
          Every weekday arXiv announces a few hundred <a href="/papers/new">new papers</a> in the categories
          an instance follows: the day's new papers, which readers triage. The{" "}
          <a href="/papers">daily list</a> is the community's short list of them: papers featured on a listing
          day by a submission, a curator, Hugging Face's daily papers, or triage. The first upvote or save of
          a new paper nobody has featured yet, by someone who may submit papers here, features it on the list
          of the day it was new, with them as its submitter; taking the last upvote or save back unfeatures it
          again. No age limit applies, since an old paper joins an old day's list.
        </p>
        <p>
          On the demo, which comes with no community, papers whose authors' arXiv comment says a venue
          accepted them (“Accepted at …”, “To appear in …”) are featured on their day, so that its lists,
          trending and the API have something to show; upvotes and saves feature more.
        </p>
        <h2 id="paper-of-the-day">Papers of the day</h2>
        <p>
          The {PAPERS_OF_THE_DAY} most upvoted papers of each listing day carry a “paper of the day” rank.
        </p>
        <h2 id="trending">How trending works</h2>
        <p>
          A paper's trending score is its points divided by a power of its age. Points are its upvotes plus
          each comment counted as {COMMENT_WEIGHT} of an upvote. Age is the hours since it was featured, plus{" "}
          {AGE_OFFSET_HOURS} hours so new papers are not divided by almost nothing, raised to the power{" "}
          {GRAVITY}, so older papers sink steadily. Only papers featured in the last {TRENDING_WINDOW_DAYS}{" "}
          days are ranked. Nothing else counts: no hidden signals, no personal data.
        </p>
        <p class="formula">
          <code>
            score = (U + {COMMENT_WEIGHT}·C) / (A + {AGE_OFFSET_HOURS})<sup>{GRAVITY}</sup>
          </code>
        </p>
        <p>
          where <var>U</var> is the number of upvotes (this site's, plus those imported from Hugging Face),{" "}
          <var>C</var> the number of visible comments and <var>A</var> the age in hours. Each entry on the{" "}
          <a href="/papers/trending">trending page</a> shows its own numbers under “Why is this here?”. Papers
          without upvotes or comments follow the others there, newest first. When nothing was featured in the
          last {TRENDING_WINDOW_DAYS} days (an instance that stopped, or the demo), trending is counted as it
          stood at the end of the newest listing day, and the page says so.
        </p>
        <h2 id="authors">Authors' names</h2>
        <p>
          An author page (<code>/authors/NAME</code>) and an author you follow cover every way the name is
          written that may be the same person: accents, case and punctuation aside (Müller, MULLER); particles
          glued to the surname (Le Cun, LeCun); “Surname, Given” turned round; and an initial meeting any
          first name with that letter (Y. LeCun, Yann LeCun). Two different first names never meet (Yann
          LeCun, Yves LeCun), and names written in another order (Wang Yi, Yi Wang) are not folded together.
        </p>
        <ForYouAbout />
      </article>
    </Layout>
  );
}
