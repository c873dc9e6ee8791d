import type { CuratorLogEntry } from "../../storage/curator-actions.js";
import { Layout } from "../components/layout.js";

export function CuratorLogPage({ entries }: { entries: readonly CuratorLogEntry[] }) {
  return (
    <Layout title="Curator log">
      <section>
        <h1>Curator log</h1>
        {entries.length === 0 ? <p class="empty">No curator actions yet.</p> : null}
        <table class="curator-log">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Curator</th>
              <th scope="col">Action</th>
              <th scope="col">Paper</th>
              <th scope="col">Detail</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td>{e.at.slice(0, 16).replace("T", " ")}</td>
                <td>{e.curator ?? "(deleted account)"}</td>
                <td>{e.action.replace("_", " ")}</td>
                <td>{e.paperId ? <a href={`/papers/${e.paperId}`}>{e.paperId}</a> : null}</td>
                <td>
                  {e.commentId ? `comment ${e.commentId} ` : null}
                  {e.detail}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </Layout>
  );
}
