/// The --help texts.
enum Help {
    static let main = """
    search — full-text search for Chinese text (character bigrams, BM25, one memory-mapped index file)

    Usage:
      search index DIR [--index PATH] [--threads N] [--memory MB]
      search query QUERY… [--index PATH] [--top K] [--mode all|any] [--k1 X] [--b X] [--title-weight X] [--json] [--explain]
      search query --batch FILE|- [--threads N] [same options]
      search analyze TEXT [--json]
      search stats [--index PATH] [--json]
      search verify [FILE | --index PATH]
      search serve --stdio [--index PATH] [--max-request-bytes N] [--max-query-tokens N]

    Each command takes --help. Exit status: 0 success or hits found, 1 no match, 2 error.
    """

    static let index = """
    Usage: search index DIR [--index PATH] [--threads N] [--memory MB]

    Indexes every file below DIR (sorted path order, hidden files skipped) into one index file.
      --index PATH   where to write (default Index/search.idx); replaced atomically
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
      --batch FILE|-      one query per line; answer n is for line n, an empty or failing line included
                          (an error line, or a JSON object with "error"; its message also goes to
                          standard error as `search: query '…': …`; the exit status is then 2)
      --threads N         worker threads: for --batch, queries run at once; for one query, the parts a
                          big index is split into (default: every core)
    """

    static let analyze = """
    Usage: search analyze TEXT [--json]

    Prints the tokens of TEXT: position, kind (bigram, end, word), normalized text and character offsets.
    """

    static let stats = """
    Usage: search stats [--index PATH] [--json]

    Prints documents, tokens, distinct terms, average field lengths, file size and the size of each section.
    """

    static let verify = """
    Usage: search verify [FILE | --index PATH]

    Checks every checksum of the index file and decodes every postings list.
    """

    static let serve = """
    Usage: search serve --stdio [--index PATH] [--max-request-bytes N] [--max-query-tokens N]

    Reads one JSON request per line on standard input, e.g. {"query": "北汽 工厂", "top": 10, "mode": "all"}
    (also "k1", "b", "title_weight", "explain"), and writes one JSON result per line, the same as
    `search query --json`. Every non-empty line gets exactly one line back. A bad request gets
    {"error": "..."} and the loop goes on; so do a line over --max-request-bytes (default 1048576; the rest
    of the line is read and dropped) and a query over --max-query-tokens tokens (default 1000).
    """
}
