import type { CategoryList } from "../../lists/category.js";
import { FeedLinks, FollowList } from "../components/feed-links.js";
import { Layout } from "../components/layout.js";
import { Pagination } from "../components/pagination.js";
import { categoryHref } from "../components/paper-meta.js";
import { SubscribeCta } from "../components/subscribe-cta.js";
import { ListedPapers, type ListMarks } from "./listed-papers.js";

/** A category's recently featured papers: the page of the category feed. */
export function CategoryPage({ list, marks }: { readonly list: CategoryList; readonly marks: ListMarks }) {
  const { total } = list;
  return (
    <Layout
      title={list.title}
      description={list.description}
      head={<FeedLinks path={list.feedPath} title={list.title} />}
    >
      <section class="list-header">
        <h1>{list.category}</h1>
        <p class="list-date">
          {list.description} · {total} {total === 1 ? "paper" : "papers"} ·{" "}
          <a href={categoryHref(list.category)}>search every paper in {list.category}</a>
        </p>
        <SubscribeCta />
        <FollowList path={list.feedPath} />
      </section>
      {list.papers.length === 0 ? (
        <p class="empty">No paper in {list.category} was featured in these days.</p>
      ) : (
        <ListedPapers list={list} marks={marks} />
      )}
      <Pagination list={list} />
    </Layout>
  );
}
