import type { ImportReport } from "../../../community/collection-import.js";
import type { Collection } from "../../../core/collection.js";
import { collectionPath } from "../../../core/collection.js";
import { Layout } from "../../components/layout.js";

const papers = (count: number) => `${count} ${count === 1 ? "paper" : "papers"}`;

/** What an import did: papers added (and fetched), papers already there, and each problem at its line. */
export function ImportReportPage({
  collection,
  report,
}: {
  readonly collection: Collection;
  readonly report: ImportReport;
}) {
  const path = collectionPath(collection);
  const { added, alreadyThere, fetched, problems } = report;
  return (
    <Layout title={`Import into ${collection.name}`}>
      <section class="import-report narrow">
        <h1>Import into {collection.name}</h1>
        <p role="status">
          Added {papers(added.length)}
          {fetched.length > 0 ? ` (${papers(fetched.length)} fetched from arXiv)` : ""}
          {alreadyThere.length > 0 ? `; ${papers(alreadyThere.length)} already in the collection` : ""}.
        </p>
        {problems.length > 0 ? (
          <>
            <h2>
              {problems.length === 1
                ? "1 entry was not imported"
                : `${problems.length} entries were not imported`}
            </h2>
            <ul class="import-problems">
              {problems.map((problem) => (
                <li key={`${problem.line}-${problem.message}`}>
                  <strong>Line {problem.line}:</strong> {problem.message}
                </li>
              ))}
            </ul>
            <p>
              The rest were kept. Fix these entries and import the file again: papers already in the
              collection stay as they are.
            </p>
          </>
        ) : null}
        <p>
          <a href={path}>Back to {collection.name}</a>
        </p>
      </section>
    </Layout>
  );
}
