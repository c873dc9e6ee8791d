/** The search box in every page's header; the search page fills it with the current query. */
export function SearchBox({ query = "" }: { readonly query?: string }) {
  return (
    <search class="search-box">
      <form action="/search" method="get">
        <label class="visually-hidden" for="site-search">
          Search papers
        </label>
        <input
          id="site-search"
          type="search"
          name="q"
          value={query}
          maxLength={500}
          placeholder={'Search: words, "phrases", -word, OR, cat:cs.LG, author:, year:, an arXiv id'}
        />
        <button type="submit">Search</button>
      </form>
    </search>
  );
}
