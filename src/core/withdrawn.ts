// arXiv keeps a withdrawn paper's record and says so in the comments (and often the abstract) of the version
// that withdraws it: "This paper has been withdrawn by the author", "withdrawn due to an error", "Withdrawn."
const WITHDRAWN =
  /^\s*withdrawn\b|\b(paper|article|submission|manuscript|preprint|version) (has been|was|is) withdrawn|\bwithdrawn by (the )?(authors?|arxiv|submitter|admin)/i;

/** Whether a paper's latest comments or abstract announce its withdrawal. */
export function announcesWithdrawal(comment: string | null, abstract: string): boolean {
  if (comment !== null && WITHDRAWN.test(comment)) return true;
  return WITHDRAWN.test(abstract.slice(0, 200));
}
