import { PostForm } from "../../components/forms.js";

/** The owner's and editors' way to bring papers in from a reference manager or a list of ids. */
export function ImportForm({ collectionId }: { readonly collectionId: number }) {
  return (
    <section class="collection-import narrow" aria-labelledby="collection-import-heading">
      <h2 id="collection-import-heading">Import papers</h2>
      <p>
        From a BibTeX or RIS file (Zotero, Mendeley, Google Scholar), or arXiv ids and links, any number a
        line. Papers this site does not know yet are fetched from arXiv; entries without an arXiv id are
        reported by line.
      </p>
      <PostForm
        action={`/collections/${collectionId}/import`}
        class="stacked"
        enctype="multipart/form-data"
        busy
      >
        <label for="import-file">A file (.bib, .ris or .txt)</label>
        <input id="import-file" name="file" type="file" accept=".bib,.bibtex,.ris,.txt,text/plain" />
        <label for="import-text">Or paste it here</label>
        <textarea
          id="import-text"
          name="text"
          rows={4}
          placeholder="2409.13598&#10;https://arxiv.org/abs/1601.00001"
        />
        <button type="submit" data-busy-label="Importing… (fetching from arXiv can take a few seconds)">
          Import
        </button>
      </PostForm>
    </section>
  );
}
