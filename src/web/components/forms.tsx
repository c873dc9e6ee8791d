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
  children,
}: {
  readonly action: string;
  readonly class?: string;
  readonly children: ComponentChildren;
}) {
  return (
    <form method="post" action={action} class={className}>
      <CsrfField />
      {children}
    </form>
  );
}
