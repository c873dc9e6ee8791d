import { CADENCES, formatFollow, PAPER_COUNT } from "../../core/follows.js";
import type { Subscription } from "../../storage/subscriptions.js";
import { PostForm } from "../components/forms.js";
import { Layout } from "../components/layout.js";
import { MailNotice, mailIsOff } from "../components/mail-notice.js";
import { useViewer } from "../viewer.js";

export function SubscribePage() {
  return (
    <Layout title="Subscribe" description="Get the papers you follow by email">
      <h1>Papers by email</h1>
      <MailNotice />
      <SubscribeForm />
    </Layout>
  );
}

function SubscribeForm() {
  if (mailIsOff(useViewer().mail)) return null;
  return (
    <>
      <p>
        A daily or weekly email with the trending papers and what you follow (categories, saved searches),
        never the same paper twice. We send one email to confirm your address first.
      </p>
      <PostForm action="/subscribe" class="subscribe-form">
        <label for="email">Email address</label>
        <input id="email" name="email" type="email" required autocomplete="email" maxlength={254} />
        <button type="submit">Subscribe</button>
      </PostForm>
    </>
  );
}

export function MessagePage({
  title,
  message,
  link,
  mailed = false,
}: {
  title: string;
  message: string;
  link?: { href: string; label: string };
  /** The message says an email went out: say where it went on an instance without a mail server. */
  mailed?: boolean;
}) {
  return (
    <Layout title={title}>
      <h1>{title}</h1>
      {mailed ? <MailNotice /> : null}
      <p role="status">{message}</p>
      {link ? (
        <p>
          <a href={link.href}>{link.label}</a>
        </p>
      ) : null}
    </Layout>
  );
}

export interface PreferencesPageProps {
  readonly subscription: Subscription;
  readonly token: string;
  readonly feedUrl: string;
  readonly unsubscribeUrl: string;
  readonly saved?: boolean;
}

export function PreferencesPage({
  subscription,
  token,
  feedUrl,
  unsubscribeUrl,
  saved,
}: PreferencesPageProps) {
  const follows = subscription.follows.map(formatFollow).join("\n");
  return (
    <Layout title="Your digest">
      <h1>Your digest</h1>
      {saved ? <p role="status">Saved.</p> : null}
      <p>Sent to {subscription.email}.</p>
      <PostForm action="/subscribe/preferences" class="preferences-form">
        <input type="hidden" name="token" value={token} />
        <fieldset>
          <legend>How often</legend>
          {CADENCES.map((cadence) => (
            <label key={cadence}>
              <input type="radio" name="cadence" value={cadence} checked={subscription.cadence === cadence} />{" "}
              {cadence}
            </label>
          ))}
        </fieldset>
        <label for="paper_count">Papers per digest</label>
        <input
          id="paper_count"
          name="paper_count"
          type="number"
          min={PAPER_COUNT.min}
          max={PAPER_COUNT.max}
          value={String(subscription.paperCount)}
        />
        <label for="follows">What to follow, one per line</label>
        <textarea id="follows" name="follows" rows={6}>
          {follows}
        </textarea>
        <p class="hint">
          <code>trending</code> for the period's trending papers, <code>for-you</code> for your own For you
          (when you subscribed while signed in), <code>cat:cs.LG</code> for a category, anything else is a
          saved search (<code>"diffusion model" -survey</code>).
        </p>
        <button type="submit">Save</button>
      </PostForm>
      <p>
        Your personal feed (keep it private): <a href={feedUrl}>{feedUrl}</a>
      </p>
      <p>
        <a href={unsubscribeUrl}>Unsubscribe</a>
      </p>
    </Layout>
  );
}

export function ConfirmSubscriptionPage({ token, email }: { token: string; email: string }) {
  return (
    <Layout title="Confirm your subscription">
      <h1>Confirm your subscription</h1>
      <p>Send Paperboy's digests to {email}?</p>
      <PostForm action="/subscribe/confirm">
        <input type="hidden" name="token" value={token} />
        <button type="submit">Confirm</button>
      </PostForm>
    </Layout>
  );
}

export function UnsubscribePage({ token, email }: { token: string; email: string }) {
  return (
    <Layout title="Unsubscribe">
      <h1>Unsubscribe</h1>
      <p>Stop sending digests to {email}?</p>
      {/* The signed token authorises this form, as it does the one-click POST of RFC 8058. */}
      <form method="post" action={`/unsubscribe?token=${encodeURIComponent(token)}`}>
        <button type="submit">Unsubscribe</button>
      </form>
    </Layout>
  );
}
