import { PostForm } from "../components/forms.js";
import { Layout } from "../components/layout.js";

export function SubmitPage({ maxAgeDays, value = "" }: { maxAgeDays: number; value?: string }) {
  return (
    <Layout title="Submit a paper">
      <section class="narrow">
        <h1>Submit a paper</h1>
        <p>
          Paste an arXiv id or link. The paper joins today's list with you as its submitter; a paper is
          featured once.
          {maxAgeDays > 0 ? ` Papers first published more than ${maxAgeDays} days ago are not taken.` : null}
        </p>
        <PostForm action="/papers/submit" class="stacked">
          <label for="paper">arXiv id or URL</label>
          <input
            id="paper"
            name="paper"
            required
            maxLength={200}
            placeholder="2409.13598 or https://arxiv.org/abs/…"
            value={value}
          />
          <button type="submit">Submit</button>
        </PostForm>
      </section>
    </Layout>
  );
}
