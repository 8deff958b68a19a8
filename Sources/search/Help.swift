/// The --help texts.
enum Help {
    static let main = """
    search — full-text search for Chinese text (character bigrams, BM25, one memory-mapped index file)

    Usage:
      search index DIR [--index PATH] [--threads N] [--memory MB] [--rebuild]
      search compact [--index PATH]
      search query QUERY… [--index PATH] [--top K] [--mode all|any] [--k1 X] [--b X] [--title-weight X] [--json] [--explain]
      search query --batch FILE|- [--threads N] [same options]
      search analyze TEXT [--json]
      search stats [--index PATH] [--json]
      search verify [--index PATH]
      search serve --stdio [--index PATH]

    Each command takes --help. Exit status: 0 success or hits found, 1 no match, 2 error.
    """

    static let index = """
    Usage: search index DIR [--index PATH] [--threads N] [--memory MB] [--rebuild]

    Indexes every file below DIR (sorted path order, hidden files skipped) into one index file. When the
    index exists and was built from DIR, it is updated in place: only files whose size or modification time
    changed are read, only those whose content changed are indexed again, documents of vanished files are
    deleted and new files added, in one commit. Scores after an update equal those of a fresh build.
    One writer at a time: a second `search index` or `search compact` on the same index fails at once
    (lock PATH.lock). Files that cannot be read are reported and tried again on the next run.
      --index PATH   the index file (default Index/search.idx)
      --rebuild      build from scratch, replacing the index atomically (also one of another folder or version)
      --threads N    worker threads (default: every core)
      --memory MB    memory for in-memory runs before spilling to temporary files (default 1024)
    """

    static let query = """
    Usage: search query QUERY… [options]
           search query --batch FILE|- [--threads N] [options]

    Query syntax: terms separated by spaces must all match; A OR B lets either match; -term excludes;
    "quoted words" is one phrase. A lone Chinese character matches every bigram that begins with it.
      --index PATH        index file (default Index/search.idx)
      --top K             hits to show (default 10)
      --mode all|any      all: every term must match (default); any: bag of tokens ranked by BM25
      --k1 X, --b X       BM25 parameters (default 1.2, 0.75)
      --title-weight X    weight of the title field (default 1.0)
      --json              one JSON object per query, on one line
      --explain           per hit, each token's tf, df, idf, field length and contribution
      --batch FILE|-      one query per line, answered in input order
      --threads N         worker threads: for --batch, queries run at once; for one query, the parts a
                          big index is split into (default: every core)
    """

    static let analyze = """
    Usage: search analyze TEXT [--json]

    Prints the tokens of TEXT: position, kind (bigram, end, word), normalized text and character offsets.
    """

    static let stats = """
    Usage: search stats [--index PATH] [--json]

    Prints live and deleted documents, segments, tokens, distinct terms (summed over segments), average field
    lengths, file size, dead bytes and the size of each section (summed over segments).
    """

    static let compact = """
    Usage: search compact [--index PATH]

    Rewrites the index as one segment without deleted documents or dead space (under a temporary name,
    renamed over the index; running queries and servers keep their snapshot). Fails at once while another
    writer holds the index.
    """

    static let verify = """
    Usage: search verify [--index PATH]

    Checks every checksum of the index file and decodes every postings list.
    """

    static let serve = """
    Usage: search serve --stdio [--index PATH]

    Reads one JSON request per line on standard input, e.g. {"query": "北汽 工厂", "top": 10, "mode": "all"}
    (also "k1", "b", "title_weight", "explain"), and writes one JSON result per line, the same as
    `search query --json`. A bad request gets {"error": "..."} and the loop goes on. Every request is
    answered from the newest commit of the index, so updates are seen without a restart.
    """
}
