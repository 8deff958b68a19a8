#!/usr/bin/env python3
# Measures Tantivy (tantivy-py): indexing time and size, and top-10 mode-any query latency per class.
# Corpus: a folder in the Corpus/ shape (title + body text); tokens: its n-gram tokenizer (1–2) or our bigrams.
# Watch: single characters are its slow-ish case; Python adds ~10 µs per query to every figure (the same for all).
"""Usage: tantivy_bench.py --corpus DIR --queries FILE --index DIR [--threads N] [--tokens ngram|bigram] [--store-text]

--tokens ngram (default): Tantivy's ngram(min 1, max 2) + lowercase: every character and every pair of adjacent
characters (punctuation included), tokenized inside Tantivy. Queries (mode any): one-character CJK runs as the
unigram, longer runs as their bigrams, all SHOULD clauses (BM25, top 10, count=False so block-max WAND may prune).
--tokens bigram: our exact token stream (bigrams + run-end characters + words) written by Python, split by the
whitespace tokenizer; a lone character is a regex query `的.*` (every token starting with it), as ours does.
Text is NFKC/lower/traditional-folded before indexing, as ours is.
--store-text: also store each document's text (title + "\n" + body, the bytes ours stores) in a stored,
unindexed bytes field, compressed by Tantivy's doc store, so index sizes compare like for like.
"""
import os, re, shutil, sys, time
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common
import tantivy


def main():
    args = common.arguments("Tantivy benchmark", tokens=True)
    t0 = time.perf_counter()
    docs, corpus_bytes = common.read_corpus(args.corpus)
    if args.tokens == "bigram":
        docs = [(path, " ".join(common.bigram_tokens(text)), text) for path, text in docs]
    else:
        docs = [(path, common.normalize(text), text) for path, text in docs]
    tokenizer_name = "ngram12" if args.tokens == "ngram" else "whitespace"
    prep_seconds = time.perf_counter() - t0

    shutil.rmtree(args.index, ignore_errors=True)
    os.makedirs(args.index)
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("path", stored=True, tokenizer_name="raw")
    builder.add_text_field("text", stored=False, tokenizer_name=tokenizer_name, index_option="position")
    if args.store_text:
        builder.add_bytes_field("stored", stored=True, indexed=False)
    schema = builder.build()
    index = tantivy.Index(schema, path=args.index)
    analyzer = tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.ngram(min_gram=1, max_gram=2, prefix_only=False)) \
        .filter(tantivy.Filter.lowercase()).build()
    index.register_tokenizer("ngram12", analyzer)

    t0 = time.perf_counter()
    writer = index.writer(heap_size=max(15_000_000 * args.threads, 256_000_000), num_threads=args.threads)
    for path, text, original in docs:
        if args.store_text:
            writer.add_document(tantivy.Document(path=path, text=text, stored=original.encode("utf-8")))
        else:
            writer.add_document(tantivy.Document(path=path, text=text))
    writer.commit()
    writer.wait_merging_threads()
    index_seconds = time.perf_counter() - t0
    index_bytes = common.directory_bytes(args.index)

    t0 = time.perf_counter()
    index = tantivy.Index.open(args.index)
    index.register_tokenizer("ngram12", analyzer)
    searcher = index.searcher()

    def clause(term, prefix):
        if prefix and args.tokens == "bigram":
            return tantivy.Query.regex_query(schema, "text", re.escape(term) + ".*")
        return tantivy.Query.term_query(schema, "text", term)

    def search(query):
        terms = common.query_terms(query)
        clauses = [(tantivy.Occur.Should, clause(t, prefix)) for t, prefix in terms]
        if not clauses:
            return 0
        return len(searcher.search(tantivy.Query.boolean_query(clauses), limit=10, count=False).hits)

    queries = common.read_queries(args.queries)
    search(queries[0][1])
    first_query_ms = (time.perf_counter() - t0) * 1000
    latency = common.run_queries(queries, search)

    common.emit({
        "engine": ("tantivy" if args.tokens == "ngram" else "tantivy-bigram") + ("-stored" if args.store_text else ""), "version": getattr(tantivy, "__version__", "?"),
        "tokenizer": ("ngram 1-2 (Tantivy's own), lowercase; input NFKC + traditional folded" if args.tokens == "ngram"
                      else "our bigrams + run-end tokens, pre-tokenized in Python; whitespace tokenizer; 的.* regex")
                     + ("; text stored" if args.store_text else ""),
        "stored_text": args.store_text,
        "documents": searcher.num_docs, "corpus_bytes": corpus_bytes, "threads": args.threads,
        "prep_seconds": prep_seconds,
        "index_seconds": index_seconds,
        "index_bytes": index_bytes, "segments": searcher.num_segments,
        "open_and_first_query_ms": first_query_ms,
        "search": latency,
    })


if __name__ == "__main__":
    main()
