import type { z } from "zod";
import type { ForYouEntry as ForYouEntrySchema, ForYouQuery } from "../web/api/for-you-schemas.js";
import type { HfDailyPaper, HfPaper } from "../web/api/hf-schemas.js";
import type { Category, Comment, TrendingEntry, UpvoteState } from "../web/api/paperboy-schemas.js";
import type { DailyPapersQuery, SearchQuery } from "../web/api/queries.js";
import type { SaveState } from "../web/api/save-schemas.js";
import type { NotInterestedState, ReaderFollow, ReaderSignalsAnswer } from "../web/api/signal-schemas.js";
import { type ClientOptions, nextCursor, send, urlWith } from "./http.js";

export { type ClientOptions, PaperboyApiError } from "./http.js";
export type {
  Category,
  Comment,
  HfDailyPaper,
  HfPaper,
  NotInterestedState,
  ReaderFollow,
  ReaderSignalsAnswer,
  SaveState,
  TrendingEntry,
  UpvoteState,
};

export type ForYouParams = Partial<z.output<typeof ForYouQuery>>;
export type ForYouEntry = z.infer<typeof ForYouEntrySchema>;
export type DailyPapersParams = Partial<z.output<typeof DailyPapersQuery>>;
export type SearchParams = Partial<z.output<typeof SearchQuery>> & { readonly q: string };

export interface PapersPage {
  readonly papers: HfPaper[];
  /** Pass to `papers()` for the next page; null on the last one. */
  readonly nextCursor: string | null;
}

/**
 * A typed client for a Paperboy instance's API. The Hugging Face endpoints answer in Hugging Face's shape, so
 * the same calls work against huggingface.co given that base URL.
 */
export class PaperboyClient {
  constructor(private readonly options: ClientOptions) {}

  get baseUrl(): string {
    return this.options.baseUrl;
  }

  private async json<T>(path: string, query?: Record<string, string | number | undefined>): Promise<T> {
    const response = await send(this.options, urlWith(this.options.baseUrl, path, query));
    return (await response.json()) as T;
  }

  private async text(path: string): Promise<string> {
    return (await send(this.options, urlWith(this.options.baseUrl, path))).text();
  }

  dailyPapers(params: DailyPapersParams = {}): Promise<HfDailyPaper[]> {
    return this.json("api/daily_papers", { ...params });
  }

  /** Old-style ids keep their slash (hep-th/9901001); a version suffix is accepted. */
  paper(id: string): Promise<HfPaper> {
    return this.json(`api/papers/${id}`);
  }

  async papers(params: { cursor?: string | null; limit?: number } = {}): Promise<PapersPage> {
    const url = urlWith(this.options.baseUrl, "api/papers", {
      cursor: params.cursor ?? undefined,
      limit: params.limit,
    });
    const response = await send(this.options, url);
    return {
      papers: (await response.json()) as HfPaper[],
      nextCursor: nextCursor(response.headers.get("link")),
    };
  }

  /** Search as Hugging Face's `/api/papers/search` does (`q`, `limit`), plus Paperboy's modes and filters. */
  search(params: SearchParams): Promise<HfDailyPaper[]> {
    return this.json("api/papers/search", { ...params });
  }

  /** The papers nearest to this one by meaning. */
  similar(id: string, limit?: number): Promise<HfDailyPaper[]> {
    return this.json(`api/papers/${id}/similar`, { limit });
  }

  /** Every paper, following the cursor from page to page. */
  async *allPapers(limit = 100): AsyncGenerator<HfPaper> {
    let cursor: string | null = null;
    do {
      const page: PapersPage = await this.papers({ cursor, limit });
      yield* page.papers;
      cursor = page.nextCursor;
    } while (cursor !== null);
  }

  private async write<T>(method: string, path: string, body?: unknown): Promise<T> {
    const init: RequestInit = { method };
    if (body !== undefined) {
      init.headers = { "content-type": "application/json" };
      init.body = JSON.stringify(body);
    }
    const response = await send(this.options, urlWith(this.options.baseUrl, path), init);
    return (response.status === 204 ? undefined : await response.json()) as T;
  }

  indexPaper(arxivId: string): Promise<HfPaper> {
    return this.write("POST", "api/papers/index", { arxivId });
  }

  upvote(id: string): Promise<UpvoteState> {
    return this.write("POST", `api/papers/${id}/upvote`);
  }

  removeUpvote(id: string): Promise<UpvoteState> {
    return this.write("DELETE", `api/papers/${id}/upvote`);
  }

  /** Hides a paper from the token's account's lists; `removeNotInterested` shows it again. */
  notInterested(id: string): Promise<NotInterestedState> {
    return this.write("POST", `api/papers/${id}/not-interested`);
  }

  removeNotInterested(id: string): Promise<NotInterestedState> {
    return this.write("DELETE", `api/papers/${id}/not-interested`);
  }

  follows(): Promise<ReaderFollow[]> {
    return this.json("api/me/follows");
  }

  /** Follows an arXiv category (`cs.LG`) or an author by name (`Yann LeCun`). */
  follow(kind: ReaderFollow["kind"], value: string): Promise<ReaderFollow> {
    return this.write("POST", "api/me/follows", { kind, value });
  }

  unfollow(kind: ReaderFollow["kind"], value: string): Promise<void> {
    return this.write("DELETE", "api/me/follows", { kind, value });
  }

  mySignals(): Promise<ReaderSignalsAnswer> {
    return this.json("api/me/signals");
  }

  /** The token's account's For you: the best of the last days' papers, with scores and reasons. */
  forYou(params: ForYouParams = {}): Promise<ForYouEntry[]> {
    return this.json("api/me/for-you", params);
  }

  /** Puts the paper in the token's account's "Saved" collection. */
  save(id: string): Promise<SaveState> {
    return this.write("POST", `api/papers/${id}/save`);
  }

  unsave(id: string): Promise<SaveState> {
    return this.write("DELETE", `api/papers/${id}/save`);
  }

  comments(id: string): Promise<Comment[]> {
    return this.json(`api/papers/${id}/comments`);
  }

  postComment(id: string, body: string, parentId?: number): Promise<Comment> {
    return this.write("POST", `api/papers/${id}/comments`, { body, ...(parentId ? { parentId } : {}) });
  }

  deleteComment(commentId: number): Promise<void> {
    return this.write("DELETE", `api/comments/${commentId}`);
  }

  categories(): Promise<Category[]> {
    return this.json("api/categories");
  }

  trending(limit?: number): Promise<TrendingEntry[]> {
    return this.json("api/trending", { limit });
  }

  paperMarkdown(id: string): Promise<string> {
    return this.text(`papers/${id}.md`);
  }

  paperBibtex(id: string): Promise<string> {
    return this.text(`papers/${id}/bibtex`);
  }

  openApiDocument(): Promise<Record<string, unknown>> {
    return this.json("api/openapi.json");
  }
}
