import { PostForm } from "../components/forms.js";
import { Layout } from "../components/layout.js";
import { MailNotice, mailIsOff } from "../components/mail-notice.js";
import { useViewer } from "../viewer.js";

export function LoginPage({ next, signUpOpen }: { readonly next: string; readonly signUpOpen: boolean }) {
  return (
    <Layout title="Sign in">
      <section class="narrow">
        <h1>Sign in</h1>
        <MailNotice />
        <LoginForm next={next} signUpOpen={signUpOpen} />
      </section>
    </Layout>
  );
}

function LoginForm({ next, signUpOpen }: { readonly next: string; readonly signUpOpen: boolean }) {
  if (mailIsOff(useViewer().mail)) return null;
  return (
    <>
      <p>
        Enter your email address and we will send you a link that signs you in. No password.
        {signUpOpen ? " A new address gets a new account." : null}
      </p>
      <PostForm action="/login" class="stacked">
        <input type="hidden" name="next" value={next} />
        <label for="email">Email address</label>
        <input id="email" name="email" type="email" required autocomplete="email" maxLength={254} />
        <button type="submit">Email me a sign-in link</button>
      </PostForm>
    </>
  );
}

/** The same page for every address, known or not, so the form never tells who has an account. */
export function LinkSentPage({ email }: { readonly email: string }) {
  return (
    <Layout title="Check your email">
      <section class="narrow">
        <h1>Check your email</h1>
        <MailNotice />
        <p>
          If <strong>{email}</strong> can sign in here, a sign-in link is on its way to it. The link works
          once and for a short while.
        </p>
        <p>
          Nothing after a few minutes? Look in the spam folder, or <a href="/login">ask for another link</a>.
        </p>
      </section>
    </Layout>
  );
}

/**
 * Opening the emailed link shows this button rather than signing in at once: mail scanners that fetch links
 * would otherwise use up the single-use link before the person clicks it.
 */
export function ConfirmSignInPage({ token, next, email }: { token: string; next: string; email: string }) {
  return (
    <Layout title="Sign in">
      <section class="narrow">
        <h1>Sign in as {email}</h1>
        <PostForm action="/login/verify" class="stacked">
          <input type="hidden" name="token" value={token} />
          <input type="hidden" name="next" value={next} />
          <button type="submit">Sign in</button>
        </PostForm>
      </section>
    </Layout>
  );
}
