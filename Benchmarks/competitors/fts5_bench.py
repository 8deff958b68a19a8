#!/usr/bin/env python3
# Measures SQLite FTS5 (Python's sqlite3): indexing time and size, and top-10 mode-any query latency per class.
# Corpus: a folder in the Corpus/ shape (title + body text); --variant bigram (our tokens, pre-tokenized) or trigram.
# Watch: the trigram table cannot answer terms under 3 characters (those queries are reported as skipped).
"""Usage: fts5_bench.py --variant bigram|trigram --corpus DIR --queries FILE --index DIR/db.sqlite

bigram: Python writes our token stream (bigrams + run-end characters + Latin words) into the column, space
separated, and FTS5's unicode61 tokenizer splits it back; queries OR bigram terms and prefix terms ("的"* for a
lone character: every token starting with it, as our engine does); ranked ORDER BY rank (= bm25()), LIMIT 10.
Python's tokenizing is reported as prep_seconds, not in index_seconds.
trigram: FTS5's own trigram tokenizer on the raw text; each query term of 3+ characters is a substring match,
OR-ed; ranked by bm25(); terms of 1–2 characters are dropped, a query left empty is skipped.
"""
import argparse, os, sqlite3, sys, time
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--variant", choices=["bigram", "trigram"], required=True)
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--queries", required=True)
    parser.add_argument("--index", required=True, help="database file (replaced)")
    parser.add_argument("--threads", type=int, default=1, help="ignored: FTS5 indexes on one thread")
    args = parser.parse_args()

    t0 = time.perf_counter()
    docs, corpus_bytes = common.read_corpus(args.corpus)
    if args.variant == "bigram":
        rows = [(path, " ".join(common.bigram_tokens(text))) for path, text in docs]
    else:
        rows = [(path, common.normalize(text)) for path, text in docs]
    del docs
    prep_seconds = time.perf_counter() - t0

    for suffix in ("", "-journal", "-wal", "-shm"):
        if os.path.exists(args.index + suffix):
            os.remove(args.index + suffix)
    os.makedirs(os.path.dirname(os.path.abspath(args.index)), exist_ok=True)
    tokenize = "unicode61" if args.variant == "bigram" else "trigram"
    t0 = time.perf_counter()
    con = sqlite3.connect(args.index)
    con.execute("PRAGMA journal_mode=OFF")
    con.execute("PRAGMA synchronous=OFF")
    con.execute("CREATE VIRTUAL TABLE docs USING fts5(path UNINDEXED, text, tokenize='%s')" % tokenize)
    with con:
        con.executemany("INSERT INTO docs(path, text) VALUES (?, ?)", rows)
    with con:
        con.execute("INSERT INTO docs(docs) VALUES ('optimize')")
    con.close()
    index_seconds = time.perf_counter() - t0
    documents = len(rows)
    del rows
    index_bytes = common.directory_bytes(args.index)

    t0 = time.perf_counter()
    con = sqlite3.connect(args.index)
    sql = "SELECT path FROM docs WHERE docs MATCH ? ORDER BY rank LIMIT 10"

    def quote(term):
        return '"' + term.replace('"', '""') + '"'

    def match_expression(query):
        if args.variant == "bigram":
            terms = [quote(t) + ("*" if prefix else "") for t, prefix in common.query_terms(query)]
        else:
            words = common.normalize(query.replace('"', " ")).split()
            terms = [quote(w) for w in dict.fromkeys(words) if len(w) >= 3]
        return " OR ".join(terms)

    def search(query):
        expression = match_expression(query)
        if not expression:
            return None
        return len(con.execute(sql, (expression,)).fetchall())

    queries = common.read_queries(args.queries)
    search(queries[0][1])
    first_query_ms = (time.perf_counter() - t0) * 1000
    latency = common.run_queries(queries, search)

    common.emit({
        "engine": "sqlite-fts5-" + args.variant, "version": "SQLite " + sqlite3.sqlite_version,
        "tokenizer": ("our bigrams + run-end tokens, pre-tokenized in Python; unicode61 splits them"
                      if args.variant == "bigram" else "FTS5 trigram on NFKC + traditional-folded text"),
        "documents": documents, "corpus_bytes": corpus_bytes, "threads": 1,
        "prep_seconds": prep_seconds,
        "index_seconds": index_seconds,
        "index_bytes": index_bytes,
        "open_and_first_query_ms": first_query_ms,
        "search": latency,
    })


if __name__ == "__main__":
    main()
