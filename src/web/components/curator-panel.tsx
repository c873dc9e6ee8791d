import { hasRole } from "../../core/account.js";
import type { Day } from "../../core/listing-day.js";
import { useViewer } from "../viewer.js";
import { PostForm } from "./forms.js";

/** Feature, unfeature or move a paper: shown to curators only; every action is logged. */
export function CuratorPanel({
  paperId,
  listingDay,
  today,
}: {
  paperId: string;
  listingDay: Day | null;
  today: Day;
}) {
  const { account } = useViewer();
  if (!account || !hasRole(account, "curator")) return null;
  return (
    <section class="curator-panel" aria-labelledby="curator-heading">
      <h2 id="curator-heading">Curate</h2>
      {listingDay ? (
        <>
          <PostForm action="/curate/move" class="inline">
            <input type="hidden" name="paper" value={paperId} />
            <label for="move-day">Move to day </label>
            <input id="move-day" type="date" name="day" value={listingDay} required />{" "}
            <button type="submit">Move</button>
          </PostForm>{" "}
          <PostForm action="/curate/unfeature" class="inline">
            <input type="hidden" name="paper" value={paperId} />
            <button type="submit">Unfeature</button>
          </PostForm>
        </>
      ) : (
        <PostForm action="/curate/feature" class="inline">
          <input type="hidden" name="paper" value={paperId} />
          <label for="feature-day">Feature on </label>
          <input id="feature-day" type="date" name="day" value={today} required />{" "}
          <button type="submit">Feature</button>
        </PostForm>
      )}
    </section>
  );
}
