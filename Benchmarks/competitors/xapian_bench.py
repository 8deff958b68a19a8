#!/usr/bin/env python3
# Measures Xapian (Debian's python3-xapian): indexing time and size, and top-10 mode-any query latency per class.
# Corpus: a folder in the Corpus/ shape (title + body text); tokens: Xapian's CJK n-grams (unigrams + bigrams).
# Watch: Xapian indexes on one thread; its bigrams carry no positions (its phrases use the unigrams).
"""Usage: xapian_bench.py --corpus DIR --queries FILE --index DIR

TermGenerator with FLAG_CJK_NGRAM on NFKC + lower + traditional-folded text. Queries (mode any): one-character CJK
runs as the unigram term, longer runs as their bigram terms, OP_OR, BM25Weight (k1 1.2, b 0.75), top 10.
"""
import os, shutil, sys, time
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common
import xapian


def main():
    args = common.arguments("Xapian benchmark")
    t0 = time.perf_counter()
    docs, corpus_bytes = common.read_corpus(args.corpus)
    docs = [(path, common.normalize(text)) for path, text in docs]
    prep_seconds = time.perf_counter() - t0

    shutil.rmtree(args.index, ignore_errors=True)
    t0 = time.perf_counter()
    db = xapian.WritableDatabase(args.index, xapian.DB_CREATE_OR_OVERWRITE)
    generator = xapian.TermGenerator()
    generator.set_flags(xapian.TermGenerator.FLAG_CJK_NGRAM)
    for path, text in docs:
        doc = xapian.Document()
        generator.set_document(doc)
        generator.index_text(text)
        doc.set_data(path)
        db.add_document(doc)
    db.commit()
    db.close()
    index_seconds = time.perf_counter() - t0
    index_bytes = common.directory_bytes(args.index)

    t0 = time.perf_counter()
    db = xapian.Database(args.index)
    enquire = xapian.Enquire(db)
    enquire.set_weighting_scheme(xapian.BM25Weight(1.2, 0, 1, 0.75, 0.5))

    def search(query):
        terms = [t for t, _ in common.query_terms(query)]
        if not terms:
            return 0
        enquire.set_query(xapian.Query(xapian.Query.OP_OR, terms))
        return len(enquire.get_mset(0, 10))

    queries = common.read_queries(args.queries)
    search(queries[0][1])
    first_query_ms = (time.perf_counter() - t0) * 1000
    latency = common.run_queries(queries, search)

    common.emit({
        "engine": "xapian", "version": xapian.version_string(),
        "tokenizer": "TermGenerator FLAG_CJK_NGRAM (unigrams + bigrams); input NFKC + traditional folded",
        "documents": db.get_doccount(), "corpus_bytes": corpus_bytes, "threads": 1,
        "prep_seconds": prep_seconds,
        "index_seconds": index_seconds,
        "index_bytes": index_bytes,
        "open_and_first_query_ms": first_query_ms,
        "search": latency,
    })


if __name__ == "__main__":
    main()
