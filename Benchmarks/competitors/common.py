"""Shared parts of the competitor benchmarks: corpus reading, tokenizing like ours, timing, JSON report.

Corpus rules (same as Benchmarks/SearchBench/CorpusReader.swift): YAML front matter `title:`; body HTML with tags
dropped (block tags become line breaks, <script>/<style> contents dropped) and entities decoded; the indexed text of
a document is its title, a line break, and its body text.
"""
import html, json, os, platform, re, statistics, sys, time, unicodedata

CLASSES = ["single-char", "term2", "long-term", "and2", "and3", "any", "phrase", "frequent", "rare"]
_BLOCK = {"p", "br", "div", "li", "ul", "ol", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "pre",
          "blockquote", "table", "section", "article"}
_TAG = re.compile(r"<(/?)([A-Za-z0-9]*)[^>]*>?")
_SKIP = re.compile(r"<(script|style)\b.*?</\1\s*>", re.S | re.I)
_ENTITY = re.compile(r"&(#[xX][0-9A-Fa-f]+|#[0-9]+|amp|lt|gt|quot|apos|nbsp);")
_NAMED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'", "nbsp": " "}
IDEOGRAPH = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_RUN = re.compile("[%s]+|[0-9A-Za-z]+" % IDEOGRAPH)


def _entity(m):
    e = m.group(1)
    if e in _NAMED:
        return _NAMED[e]
    try:
        return chr(int(e[2:], 16) if e[1] in "xX" else int(e[1:]))
    except (ValueError, OverflowError):
        return m.group(0)


def html_to_text(body):
    body = _SKIP.sub("", body)
    body = _TAG.sub(lambda m: "\n" if m.group(2).lower() in _BLOCK else "", body)
    return _ENTITY.sub(_entity, body)


def parse_document(text, path):
    title, body = "", text
    stripped = text.lstrip("\n\r \ufeff")
    if stripped.startswith("---\n") or stripped.startswith("---\r\n"):
        after = stripped[4:] if stripped.startswith("---\n") else stripped[5:]
        close = after.find("\n---")
        if close >= 0:
            for line in after[:close].split("\n"):
                if line.startswith("title:"):
                    value = line[6:].strip()
                    if len(value) >= 2 and value[0] == value[-1] == "'":
                        value = value[1:-1].replace("''", "'")
                    elif len(value) >= 2 and value[0] == value[-1] == '"':
                        value = value[1:-1].replace('\\"', '"')
                    title = value
            rest = after[close + 4:]
            nl = rest.find("\n")
            body = rest[nl:] if nl >= 0 else ""
    if not title:
        title = os.path.splitext(os.path.basename(path))[0]
    return title, html_to_text(body)


def corpus_files(directory):
    paths = []
    for root, dirs, files in os.walk(directory):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if not name.startswith("."):
                paths.append(os.path.relpath(os.path.join(root, name), directory))
    return sorted(paths, key=lambda p: p.encode("utf-8"))


def read_corpus(directory):
    """[(path, text)], text = title + "\\n" + body; and the total bytes of the files read."""
    docs, total = [], 0
    for path in corpus_files(directory):
        with open(os.path.join(directory, path), "rb") as f:
            raw = f.read()
        total += len(raw)
        title, body = parse_document(raw.decode("utf-8", "replace"), path)
        docs.append((path, title + "\n" + body))
    return docs, total


_FOLD = None


def _fold_table():
    """Traditional → simplified (the reverse of Benchmarks/data/traditional.tsv), plus NFKC width folding later."""
    global _FOLD
    if _FOLD is None:
        table = {}
        here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "traditional.tsv")
        with open(here, encoding="utf-8") as f:
            for line in f:
                if line.startswith("#"):
                    continue
                s, t = line.rstrip("\n").split("\t")
                table[ord(t)] = s
        _FOLD = table
    return _FOLD


def normalize(text):
    """Width folding (NFKC), lower case, traditional → simplified: what our analyzer does before bigramming."""
    return unicodedata.normalize("NFKC", text).lower().translate(_fold_table())


def bigram_tokens(text):
    """Our token stream, as strings: per CJK run its bigrams and its last character alone (the run-end token);
    per Latin/digit run the word itself."""
    out = []
    for m in _RUN.finditer(normalize(text)):
        run = m.group(0)
        if run[0].isascii():
            out.append(run)
        else:
            out.extend(run[i:i + 2] for i in range(len(run) - 1))
            out.append(run[-1])
    return out


def query_terms(query):
    """A query as our engine reads it in mode any: quotes dropped; per CJK run of one character a prefix term
    ("的*": every token starting with it), else its bigrams; Latin/digit runs as words.
    Returns [(term, is_prefix)]."""
    terms = []
    for m in _RUN.finditer(normalize(query.replace('"', " "))):
        run = m.group(0)
        if run[0].isascii():
            terms.append((run, False))
        elif len(run) == 1:
            terms.append((run, True))
        else:
            terms.extend((run[i:i + 2], False) for i in range(len(run) - 1))
    seen, unique = set(), []
    for t in terms:
        if t not in seen:
            seen.add(t)
            unique.append(t)
    return unique


def read_queries(path):
    queries = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if "\t" in line:
                cls, q = line.split("\t", 1)
                queries.append((cls, q))
    return queries


def directory_bytes(path):
    if os.path.isfile(path):
        return os.path.getsize(path)
    total = 0
    for root, _, files in os.walk(path):
        for name in files:
            total += os.path.getsize(os.path.join(root, name))
    return total


def percentile(sorted_values, p):
    if not sorted_values:
        return None
    k = (len(sorted_values) - 1) * p
    lo, hi = int(k), min(int(k) + 1, len(sorted_values) - 1)
    return sorted_values[lo] + (sorted_values[hi] - sorted_values[lo]) * (k - lo)


def run_queries(queries, search, warmup=True):
    """Times `search(query) -> hit count` for every query (after one untimed pass); per-class p50/p95/p99 in ms."""
    if warmup:
        for _, q in queries:
            search(q)
    by_class, skipped, empty = {}, {}, 0
    start = time.perf_counter()
    answered = 0
    for cls, q in queries:
        t0 = time.perf_counter()
        hits = search(q)
        t1 = time.perf_counter()
        if hits is None:
            skipped[cls] = skipped.get(cls, 0) + 1
            continue
        answered += 1
        if hits == 0:
            empty += 1
        by_class.setdefault(cls, []).append((t1 - t0) * 1000)
    total = time.perf_counter() - start
    classes = {}
    all_ms = []
    for cls in CLASSES + sorted(set(by_class) - set(CLASSES)):
        values = sorted(by_class.get(cls, []))
        all_ms.extend(values)
        entry = {"queries": len(values)}
        if values:
            entry.update(p50_ms=percentile(values, 0.5), p95_ms=percentile(values, 0.95), p99_ms=percentile(values, 0.99))
        if cls in skipped:
            entry["skipped"] = skipped[cls]
        if values or cls in skipped:
            classes[cls] = entry
    all_ms.sort()
    return {
        "mode": "any", "top": 10, "threads": 1,
        "queries": answered, "queries_skipped": sum(skipped.values()), "queries_without_hits": empty,
        "qps": answered / total if total > 0 else None,
        "all": {"p50_ms": percentile(all_ms, 0.5), "p95_ms": percentile(all_ms, 0.95), "p99_ms": percentile(all_ms, 0.99)},
        "classes": classes,
    }


def peak_rss_mb():
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def emit(report):
    """Prints one engine's report as JSON. Given prep_seconds, index_seconds and corpus_bytes, adds the indexing
    rates (engine time alone, and with Python's reading and parsing) and this process's peak memory."""
    if "index_seconds" in report and "corpus_bytes" in report:
        mb = report["corpus_bytes"] / 1e6
        report.setdefault("index_mb_per_s", mb / report["index_seconds"])
        report.setdefault("total_mb_per_s", mb / (report["index_seconds"] + report.get("prep_seconds", 0)))
    report.setdefault("peak_rss_mb", peak_rss_mb())
    report.setdefault("python", platform.python_version())
    json.dump(report, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


def arguments(description, tokens=False):
    import argparse
    parser = argparse.ArgumentParser(description=description)
    if tokens:
        parser.add_argument("--tokens", choices=["ngram", "bigram"], default="ngram")
        parser.add_argument("--store-text", action="store_true", help="also store each document's text")
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--queries", required=True)
    parser.add_argument("--index", required=True, help="index folder (replaced)")
    parser.add_argument("--threads", type=int, default=os.cpu_count() or 1)
    return parser.parse_args()
