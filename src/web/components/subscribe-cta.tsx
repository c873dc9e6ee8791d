import { useViewer } from "../viewer.js";
import { mailIsOff } from "./mail-notice.js";

/** The call to subscribe that sits at the top of the lists, as on Hugging Face's daily papers. */
export function SubscribeCta() {
  const { mail, subscribed } = useViewer();
  if (mailIsOff(mail) || subscribed) return null;
  return (
    <p class="subscribe-cta">
      <span>Get trending papers in your email inbox!</span>{" "}
      <a class="button button-primary" href="/subscribe">
        Subscribe
      </a>
    </p>
  );
}
