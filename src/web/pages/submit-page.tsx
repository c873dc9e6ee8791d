import { SUBMISSION_FETCH_SECONDS } from "../../community/submissions.js";
import { assetUrl } from "../assets.js";
import { PostForm } from "../components/forms.js";
import { Layout } from "../components/layout.js";

/** Why the last submission was refused, and the paper it clashed with. */
export interface Refusal {
  readonly message: string;
  readonly existing?: string;
}

export function SubmitPage({
  maxAgeDays,
  value = "",
  refusal,
}: {
  maxAgeDays: number;
  value?: string;
  refusal?: Refusal | undefined;
}) {
  return (
    <Layout title="Submit a paper" head={<script src={assetUrl("busy.js")} defer />}>
      <section class="narrow">
        <h1>Submit a paper</h1>
        <p>
          Paste an arXiv id or link. The paper joins today's list with you as its submitter; a paper is
          featured once.
          {maxAgeDays > 0 ? ` Papers first published more than ${maxAgeDays} days ago are not taken.` : null}
        </p>
        {refusal ? <RefusalNotice refusal={refusal} /> : null}
        <PostForm action="/papers/submit" class="stacked" busy>
          <label for="paper">arXiv id or URL</label>
          <input
            id="paper"
            name="paper"
            required
            maxLength={200}
            placeholder="2409.13598 or https://arxiv.org/abs/…"
            value={value}
            aria-invalid={refusal ? "true" : undefined}
            aria-describedby={refusal ? "submit-refusal submit-hint" : "submit-hint"}
          />
          <small id="submit-hint">
            A paper this site does not have yet is fetched from arXiv first: that takes a few seconds, at most{" "}
            {SUBMISSION_FETCH_SECONDS}.
          </small>
          <button
            type="submit"
            data-busy-label={`Fetching from arXiv (up to ${SUBMISSION_FETCH_SECONDS} s)…`}
          >
            Submit
          </button>
        </PostForm>
      </section>
    </Layout>
  );
}

function RefusalNotice({ refusal }: { readonly refusal: Refusal }) {
  return (
    <p class="form-error" id="submit-refusal" role="alert">
      {refusal.message}
      {refusal.existing ? (
        <>
          {" "}
          <a href={`/papers/${refusal.existing}`}>See the paper</a>.
        </>
      ) : null}
    </p>
  );
}
