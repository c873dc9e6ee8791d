import { readFileSync } from "node:fs";
import { fixture } from "./fixtures.js";
import type { RecordedRequest, ReplayHandler, ReplayResponse } from "./replay-server.js";

const RECORDED = readFileSync(fixture("arxiv-oai-pmh/ListRecordsResponse.xml"), "utf8");
const RECORD = /<record>[\s\S]*?<\/record>/g;

/** The six records of the recorded ListRecords answer, as XML text. */
export const recordedRecords = (): string[] => RECORDED.match(RECORD) ?? [];

export const oaiFixture = (name: string) => readFileSync(fixture(`arxiv-oai-pmh/${name}`), "utf8");

/** A ListRecords answer in the recorded one's envelope, holding `records` and ending with `token`. */
export function listRecordsPage(records: readonly string[], token: string | null, cursor = 0): string {
  const head = RECORDED.slice(0, RECORDED.indexOf("<record>"));
  const tokenXml =
    token === null
      ? `<resumptionToken cursor="${cursor}" completeListSize="6"/>`
      : `<resumptionToken cursor="${cursor}" completeListSize="6">${token}</resumptionToken>`;
  return `${head}${records.join("\n")}\n${tokenXml}\n</ListRecords>\n</OAI-PMH>\n`;
}

/**
 * The recorded records chained over pages of `perPage` by resumption tokens `t1`, `t2`...: a derived answer
 * per request, chosen by the request's resumptionToken. `override` may answer instead for some requests.
 */
export function pagedHarvest(
  perPage: number,
  override?: (request: RecordedRequest) => ReplayResponse | undefined,
): ReplayHandler {
  const records = recordedRecords();
  const pages: string[] = [];
  for (let start = 0; start < records.length; start += perPage) {
    const next = start + perPage < records.length ? `t${pages.length + 1}` : null;
    pages.push(listRecordsPage(records.slice(start, start + perPage), next, start));
  }
  return (request) => {
    const replaced = override?.(request);
    if (replaced) return replaced;
    const token = request.query.get("resumptionToken");
    const index = token === null ? 0 : Number(token.slice(1));
    const page = pages[index];
    if (page === undefined) return { body: oaiFixture("ErrorResponseBadResumptionToken.xml") };
    return { body: page, headers: { "content-type": "text/xml; charset=utf-8" } };
  };
}
