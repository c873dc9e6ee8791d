import { useViewer } from "../viewer.js";

/** The list's address with `hide=read` set or taken away, the rest of its query kept. */
function withHideRead(path: string, hide: boolean): string {
  const [base = "", query = ""] = path.split("?");
  const parameters = new URLSearchParams(query);
  parameters.delete("page");
  if (hide) parameters.set("hide", "read");
  else parameters.delete("hide");
  const text = parameters.toString();
  return text ? `${base}?${text}` : base;
}

/** "Hide read papers" for signed-in readers, and how many a hiding list left out. */
export function HideRead({ marks, hidden }: { marks: { hideRead: boolean }; hidden: number }) {
  const { account, path } = useViewer();
  if (!account) return null;
  return (
    <p class="hide-read">
      {marks.hideRead ? (
        <>
          {hidden} read {hidden === 1 ? "paper" : "papers"} hidden ·{" "}
          <a href={withHideRead(path, false)}>Show read papers</a>
        </>
      ) : (
        <a href={withHideRead(path, true)}>Hide read papers</a>
      )}
    </p>
  );
}
