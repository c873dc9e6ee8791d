import type { ComponentChildren } from "preact";
import { useViewer } from "../viewer.js";

/** The hidden field every form carries so the server can tell it came from this site. */
export function CsrfField() {
  const viewer = useViewer();
  return <input type="hidden" name="_csrf" value={viewer.csrfToken()} />;
}

/** A POST form with its CSRF field; works without JavaScript. */
export function PostForm({
  action,
  class: className,
  busy = false,
  enctype,
  children,
}: {
  readonly action: string;
  readonly class?: string;
  /** `multipart/form-data` for a form that sends a file. */
  readonly enctype?: "multipart/form-data";
  /** The form may take a while: public/busy.js shows its button's data-busy-label once it is sent. */
  readonly busy?: boolean;
  readonly children: ComponentChildren;
}) {
  return (
    <form method="post" action={action} class={className} enctype={enctype} data-busy={busy ? "" : undefined}>
      <CsrfField />
      {children}
    </form>
  );
}
