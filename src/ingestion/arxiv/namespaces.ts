/** The XML namespaces of arXiv's feeds. Elements are matched by these, never by the prefix a document uses. */
export const NS = Object.freeze({
  atom: "http://www.w3.org/2005/Atom",
  arxiv: "http://arxiv.org/schemas/atom",
  opensearch: "http://a9.com/-/spec/opensearch/1.1/",
  oai: "http://www.openarchives.org/OAI/2.0/",
  arxivRaw: "http://arxiv.org/OAI/arXivRaw/",
});
