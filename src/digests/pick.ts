/** Ranked candidate ids for one follow, labelled with the follow as the subscriber wrote it. */
export interface FollowMatches {
  readonly follow: string;
  readonly ids: readonly string[];
}

export interface PickedPaper {
  readonly paperId: string;
  /** The follow that brought it in, shown beside the paper. */
  readonly because: string;
}

/**
 * Takes papers from each follow's ranking in turn (so one busy category does not crowd out a saved search),
 * skipping repeats and papers already sent, until `count` are picked.
 */
export function pickPapers(
  matches: readonly FollowMatches[],
  alreadySent: ReadonlySet<string>,
  count: number,
): PickedPaper[] {
  const picked: PickedPaper[] = [];
  const taken = new Set<string>();
  const cursors = matches.map(() => 0);
  let progressed = true;
  while (picked.length < count && progressed) {
    progressed = false;
    for (const [index, match] of matches.entries()) {
      if (picked.length >= count) break;
      const next = nextUnseen(match.ids, cursors, index, taken, alreadySent);
      if (next === null) continue;
      taken.add(next);
      picked.push({ paperId: next, because: match.follow });
      progressed = true;
    }
  }
  return picked;
}

function nextUnseen(
  ids: readonly string[],
  cursors: number[],
  index: number,
  taken: ReadonlySet<string>,
  sent: ReadonlySet<string>,
): string | null {
  let cursor = cursors[index] ?? 0;
  while (cursor < ids.length) {
    const id = ids[cursor] as string;
    cursor += 1;
    if (!taken.has(id) && !sent.has(id)) {
      cursors[index] = cursor;
      return id;
    }
  }
  cursors[index] = cursor;
  return null;
}
