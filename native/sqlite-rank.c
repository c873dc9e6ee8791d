/*
 * BM25 for FTS5 with the phrases' document counts given by the caller, as a loadable extension.
 *
 * FTS5's own bm25() learns how many documents hold each phrase of the query by reading every one of them once
 * per query: for a common word ("model" is in 900,000 of 1,000,000 generated papers) that alone took 35 ms,
 * whatever the query matched. Paperboy counts each word once and keeps the count for an hour
 * (src/storage/word-frequencies.ts), and passes it here:
 *
 *   paperboy_bm25(papers_fts, weight_0, ..., weight_(columns-1), count_0, ..., count_(phrases-1))
 *
 * Phrases are numbered as FTS5 numbers them, left to right in the MATCH expression. The score is the one
 * bm25() computes (same k1, b, idf and column weights, negated so that smaller is better) whenever the counts
 * are the true ones.
 */
#include <math.h>
#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT1

#define K1 1.2
#define B 0.75

static void fail(sqlite3_context *context, const char *message) { sqlite3_result_error(context, message, -1); }

static void bm25WithCounts(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *context, int count,
                           sqlite3_value **values) {
  int columns = api->xColumnCount(fts);
  int phrases = api->xPhraseCount(fts);
  if (count != columns + phrases) {
    fail(context, "paperboy_bm25: needs one weight per column and one document count per phrase");
    return;
  }
  sqlite3_int64 rows = 0;
  sqlite3_int64 tokens = 0;
  if (api->xRowCount(fts, &rows) != SQLITE_OK || api->xColumnTotalSize(fts, -1, &tokens) != SQLITE_OK) {
    fail(context, "paperboy_bm25: cannot read the index's totals");
    return;
  }
  double average = rows > 0 ? (double)tokens / (double)rows : 1.0;
  if (average <= 0) average = 1.0;
  double frequency[64];
  if (phrases > 64) {
    fail(context, "paperboy_bm25: at most 64 phrases");
    return;
  }
  for (int p = 0; p < phrases; p++) frequency[p] = 0;
  int instances = 0;
  if (api->xInstCount(fts, &instances) != SQLITE_OK) {
    fail(context, "paperboy_bm25: cannot read the row's hits");
    return;
  }
  for (int i = 0; i < instances; i++) {
    int phrase, column, offset;
    if (api->xInst(fts, i, &phrase, &column, &offset) != SQLITE_OK) continue;
    if (phrase >= 0 && phrase < phrases && column >= 0 && column < columns)
      frequency[phrase] += sqlite3_value_double(values[column]);
  }
  int length = 0;
  api->xColumnSize(fts, -1, &length);
  double score = 0;
  for (int p = 0; p < phrases; p++) {
    if (frequency[p] == 0) continue;
    double hits = sqlite3_value_double(values[columns + p]);
    double idf = log((0.5 + (double)rows - hits) / (0.5 + hits));
    if (idf <= 0.0) idf = 1e-6;
    double denominator = frequency[p] + K1 * (1 - B + B * (double)length / average);
    score += idf * (frequency[p] * (K1 + 1.0)) / denominator;
  }
  sqlite3_result_double(context, -score);
}

/* FTS5's API, asked for the way its documentation gives: a pointer bound to `select fts5(?)`. */
static fts5_api *fts5Of(sqlite3 *db) {
  fts5_api *api = 0;
  sqlite3_stmt *statement = 0;
  if (sqlite3_prepare_v2(db, "select fts5(?1)", -1, &statement, 0) == SQLITE_OK) {
    sqlite3_bind_pointer(statement, 1, (void *)&api, "fts5_api_ptr", 0);
    sqlite3_step(statement);
  }
  sqlite3_finalize(statement);
  return api;
}

#ifdef _WIN32
__declspec(dllexport)
#endif
int sqlite3_sqliterank_init(sqlite3 *db, char **error, const sqlite3_api_routines *routines) {
  SQLITE_EXTENSION_INIT2(routines);
  (void)error;
  fts5_api *api = fts5Of(db);
  if (api == 0 || api->iVersion < 2) return SQLITE_ERROR;
  return api->xCreateFunction(api, "paperboy_bm25", 0, bm25WithCounts, 0);
}
