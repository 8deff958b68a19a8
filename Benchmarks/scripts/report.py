#!/usr/bin/env python3
"""Combines the benchmark JSON files into Benchmarks/results/<name>.json and a Markdown table <name>.md.

Usage: report.py --ours ours.json [--competitor x.json ...] --corpus-label TEXT --out-prefix results/2026-11-23
The Markdown table lists each figure for us and for each competitor, with the competitor/ours ratio:
for times (ms) a ratio above 1 means we are faster; for rates (MB/s, QPS) a ratio above 1 means they are.
"""
import argparse, datetime, json, os, platform, subprocess, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "competitors"))
from common import CLASSES  # noqa: E402


def machine():
    info = {"nproc": os.cpu_count(), "python": platform.python_version(), "kernel": platform.release()}
    try:
        with open("/proc/cpuinfo") as f:
            info["cpu"] = next((l.split(":", 1)[1].strip() for l in f if l.startswith("model name")), "?")
        with open("/proc/meminfo") as f:
            kb = int(next(l for l in f if l.startswith("MemTotal")).split()[1])
            info["memory_gb"] = round(kb / 1024 / 1024, 1)
    except (OSError, StopIteration):
        pass
    try:
        info["swift"] = subprocess.run(["swift", "--version"], capture_output=True, text=True,
                                       timeout=60).stdout.strip().splitlines()[0]
    except (OSError, IndexError, subprocess.TimeoutExpired):
        info["swift"] = "?"
    try:
        info["load_average"] = os.getloadavg()
    except OSError:
        pass
    return info


def get(d, *path):
    for key in path:
        if not isinstance(d, dict) or key not in d:
            return None
        d = d[key]
    return d


def fmt(value, digits=3):
    if value is None:
        return "–"
    if isinstance(value, (int,)) or (isinstance(value, float) and abs(value) >= 100):
        return "{:,.0f}".format(value)
    if isinstance(value, float) and abs(value) >= 10:
        return "%.1f" % value
    return ("%." + str(digits) + "f") % value


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--ours", required=True)
    parser.add_argument("--competitor", action="append", default=[])
    parser.add_argument("--corpus-label", default="")
    parser.add_argument("--out-prefix", required=True)
    args = parser.parse_args()

    with open(args.ours) as f:
        ours = json.load(f)
    competitors = []
    for path in args.competitor:
        try:
            with open(path) as f:
                competitors.append(json.load(f))
        except (OSError, ValueError) as error:
            print("report: skipped %s (%s)" % (path, error), file=sys.stderr)

    builds = ours.get("builds", [])
    build_all = max(builds, key=lambda b: b["threads"]) if builds else {}
    build_one = next((b for b in builds if b["threads"] == 1), None)
    qps = {q["threads"]: q["qps"] for q in ours.get("qps", [])}

    # (label, kind, ours value, function competitor -> value); kind "time" or "rate" or "size".
    rows = [
        ("indexing MB/s, all threads (%s)" % build_all.get("threads", "?"), "rate", build_all.get("mb_per_s"),
         lambda c: c.get("index_mb_per_s")),
        ("indexing MB/s, 1 thread", "rate", build_one and build_one.get("mb_per_s"),
         lambda c: c.get("index_mb_per_s") if c.get("threads") == 1 else None),
        ("indexing peak RSS, MB", "size", build_all.get("peak_rss_mb"), lambda c: c.get("peak_rss_mb")),
        ("index size, MB", "size", (get(ours, "index", "bytes") or 0) / 1e6, lambda c: c.get("index_bytes", 0) / 1e6),
        ("index size without stored text, MB", "size",
         ((get(ours, "index", "bytes") or 0) - (get(ours, "index", "sections", "stored text") or 0)) / 1e6,
         lambda c: c.get("index_bytes", 0) / 1e6),
        ("open + first query, ms", "time", ours.get("open_and_first_query_ms"), lambda c: c.get("open_and_first_query_ms")),
        ("QPS, 1 thread, mode any", "rate", qps.get(1), lambda c: get(c, "search", "qps")),
    ]
    for t in sorted(qps):
        if t != 1:
            rows.append(("QPS, %d threads, mode any" % t, "rate", qps[t], lambda c: None))
    for p in ("p50", "p95", "p99"):
        rows.append(("all queries %s, ms" % p, "time", get(ours, "search", "all", p + "_ms"),
                     lambda c, p=p: get(c, "search", "all", p + "_ms")))
    for cls in CLASSES:
        for p in ("p50", "p99"):
            rows.append(("%s %s, ms" % (cls, p), "time", get(ours, "search", "classes", cls, p + "_ms"),
                         lambda c, cls=cls, p=p: get(c, "search", "classes", cls, p + "_ms")))

    names = [c.get("engine", "?") for c in competitors]
    header = "| " + " | ".join(["figure", "ours"] + ["%s | %s/ours" % (n, n) for n in names]) + " |"
    lines = [header, "|" + "---|" * (2 + 2 * len(names))]
    for label, kind, mine, theirs in rows:
        cells = [label, fmt(mine)]
        for c in competitors:
            value = theirs(c)
            ratio = value / mine if value is not None and mine else None
            cells += [fmt(value), fmt(ratio, 2) if ratio is not None else "–"]
        lines.append("| " + " | ".join(cells) + " |")

    natural = ["| class | natural mode | p50 ms | p95 ms | p99 ms | with snippets p50 | p99 |", "|---|---|---|---|---|---|---|"]
    for cls in CLASSES:
        n = get(ours, "search_natural", "classes", cls) or {}
        s = get(ours, "search_natural_snippets", "classes", cls) or {}
        natural.append("| %s | %s | %s | %s | %s | %s | %s |" % (
            cls, "any" if cls == "any" else "all", fmt(n.get("p50_ms")), fmt(n.get("p95_ms")), fmt(n.get("p99_ms")),
            fmt(s.get("p50_ms")), fmt(s.get("p99_ms"))))

    info = machine()
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    index = ours.get("index", {})
    md = ["# Benchmark results, %s" % now, "",
          "Machine: %s cores, %s, %s GB memory; %s; Python %s; load average at the end %s." % (
              info.get("nproc"), info.get("cpu", "?"), info.get("memory_gb", "?"), info.get("swift", "?"),
              info.get("python"), ", ".join("%.2f" % x for x in info.get("load_average", ()))),
          "", "Corpus: %s — %s documents, %.1f MB. Queries: %s, top 10, one thread, after one untimed pass." % (
              args.corpus_label, build_all.get("documents", "?"), ours.get("corpus_bytes", 0) / 1e6, ours.get("queries")),
          "",
          "Mode any for everyone (bag of tokens: one-character runs as the character, longer runs as bigrams; "
          "competitors as set up in Benchmarks/competitors/*.py). Ratios are competitor/ours: for ms, above 1 means "
          "we are faster; for MB/s and QPS, above 1 means they are. Competitors' indexing MB/s counts only the "
          "engine's time (their Python reading and parsing excluded, reported as prep_seconds in the JSON); ours "
          "includes reading and parsing the files. Python adds roughly 5–20 µs to each of their query times. "
          "Our index holds the documents' text for snippets; the competitors' hold only the path (second size row).",
          "", *lines, "",
          "Our index: %s bytes per token (postings + positions: %s), %s bytes per posting without stored text, "
          "%s tokens, %s postings, %s CJK terms, %s character lists." % (
              fmt(index.get("bytes_per_token"), 2), fmt(index.get("postings_and_positions_bytes_per_token"), 2),
              fmt(index.get("bytes_per_posting_without_stored_text"), 2), fmt(index.get("text_tokens")),
              fmt(index.get("postings")), fmt(index.get("cjk_terms")), fmt(index.get("char_terms"))),
          "", "Sections: " + ", ".join("%s %.1f MB" % (k, v / 1e6) for k, v in
                                       sorted(index.get("sections", {}).items(), key=lambda kv: -kv[1])) + ".",
          "", "## Ours in each class's natural mode", "", *natural, ""]
    for c in competitors:
        skipped = get(c, "search", "queries_skipped")
        md.append("- %s (%s): %s%s" % (c.get("engine"), c.get("version"), c.get("tokenizer"),
                                       "; %s queries skipped (no term it can match)" % skipped if skipped else ""))
    md.append("")

    combined = {"date": now, "machine": info, "corpus": args.corpus_label, "ours": ours,
                "competitors": {c.get("engine", "?"): c for c in competitors}}
    os.makedirs(os.path.dirname(os.path.abspath(args.out_prefix)), exist_ok=True)
    with open(args.out_prefix + ".json", "w") as f:
        json.dump(combined, f, ensure_ascii=False, indent=1)
    with open(args.out_prefix + ".md", "w") as f:
        f.write("\n".join(md))
    print("report: wrote %s.json and %s.md" % (args.out_prefix, args.out_prefix))


if __name__ == "__main__":
    main()
