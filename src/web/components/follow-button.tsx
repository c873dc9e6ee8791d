import { useViewer } from "../viewer.js";
import { PostForm } from "./forms.js";

/** Follow or stop following a category or an author, as a plain form keys.js posts without a reload. */
export function FollowButton({
  kind,
  value,
  following,
}: {
  readonly kind: "category" | "author";
  readonly value: string;
  readonly following: boolean;
}) {
  const { account, path } = useViewer();
  if (!account)
    return (
      <a class="button" href={`/login?next=${encodeURIComponent(path)}`}>
        Sign in to follow
      </a>
    );
  return (
    <PostForm action="/follow" class="inline">
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="value" value={value} />
      <input type="hidden" name="on" value={following ? "0" : "1"} />
      <input type="hidden" name="back" value={path} />
      <button
        type="submit"
        class="signal signal-follow"
        aria-pressed={following ? "true" : "false"}
        data-action="follow"
      >
        {following ? "Following" : "Follow"}
      </button>
    </PostForm>
  );
}
