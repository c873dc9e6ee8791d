import { Layout } from "../components/layout.js";

const HEADINGS: Record<number, string> = {
  400: "That address is not quite right",
  401: "Please sign in",
  403: "Not allowed",
  404: "Nothing here",
  409: "That clashes with something already there",
  413: "That is too large",
  429: "Too many requests",
  500: "Something went wrong on our side",
  502: "An upstream service did not answer",
  503: "Paperboy is busy",
};

export function ErrorPage({ status, message }: { readonly status: number; readonly message: string }) {
  const heading = HEADINGS[status] ?? "Something went wrong";
  return (
    <Layout title={heading}>
      <section class="error-page">
        <h1>{heading}</h1>
        <p>{message}</p>
        <p class="error-way-out">
          <a href="/papers">Go to today's papers</a>
        </p>
      </section>
    </Layout>
  );
}
