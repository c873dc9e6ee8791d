/**
 * English function words left out when a query is relaxed to "any of the words": they match most papers, add
 * almost nothing to BM25 and make the index walk every document (DESIGN.md section 4).
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  `a about above after again against all am an and any are as at be because been before being below between both
  but by can could did do does doing down during each few for from further had has have having he her here hers
  how i if in into is it its itself just me more most my no nor not now of off on once only or other our out over
  own same she should so some such than that the their them then there these they this those through to too under
  until up very was we were what when where which while who whom why will with would you your via using use used
  based new show shows study paper we our approach method methods results propose proposed`
    .split(/\s+/)
    .filter((word) => word !== ""),
);

export function isStopword(word: string): boolean {
  return STOPWORDS.has(word.toLowerCase());
}
