import { renderToString } from "preact-render-to-string";
import { describe, expect, it } from "vitest";
import type { Account } from "../core/account.js";
import { Kept } from "./kept-fragment.js";
import { useViewer, type Viewer, ViewerContext } from "./viewer.js";

const ada = { id: 1, handle: "ada", role: "member" } as unknown as Account;
const viewer = (token: string, account: Account | null = ada): Viewer => ({
  account,
  path: "/papers",
  csrfToken: () => token,
  mail: { kind: "smtp" },
  subscribed: false,
});

function Greeting() {
  const { account } = useViewer();
  return <p>{account ? `hello ${account.handle}` : "hello"}</p>;
}

function Form() {
  const { account, csrfToken } = useViewer();
  return account ? <input name="_csrf" value={csrfToken()} /> : <a href="/login">sign in</a>;
}

const page = (who: Viewer, key: string, child: preact.ComponentChildren) =>
  renderToString(
    <ViewerContext.Provider value={who}>
      <Kept tag="div" contentKey={key}>
        {child}
      </Kept>
    </ViewerContext.Provider>,
  );

describe("Kept", () => {
  it("fills in each reader's token, escaped, into HTML rendered once", () => {
    expect(page(viewer("one"), "form", <Form />)).toBe('<div><input name="_csrf" value="one"/></div>');
    expect(page(viewer('t"<'), "form", <Form />)).toBe(
      '<div><input name="_csrf" value="t&quot;&lt;"/></div>',
    );
    expect(page(viewer("x", null), "form", <Form />)).toBe('<div><a href="/login">sign in</a></div>');
  });

  it("refuses a fragment that reads who the reader is", () => {
    expect(() => page(viewer("one"), "greeting", <Greeting />)).toThrow(/read the viewer's handle/);
    expect(page(viewer("one", null), "greeting", <Greeting />)).toBe("<div><p>hello</p></div>");
  });
});
