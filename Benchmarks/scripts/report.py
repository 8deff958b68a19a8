#!/usr/bin/env python3
"""Combines the benchmark JSON files into Benchmarks/results/<name>.json and a Markdown table <name>.md.

Usage: report.py --ours r1.json [--ours r2.json ...] [--competitor x-r1.json ...] --corpus-label TEXT --out-prefix P
One --ours per round and one --competitor per engine and round, in round order (competitors are grouped by their
"engine"). Each figure is the median (min–max) over the rounds; each ratio ours/competitor is the median of the
per-round ratios, round r against round r, since the machine's speed drifts between minutes. With a peer that
stores text ("-stored"), a table checks issue 12's targets.
"""
import argparse, datetime, json, os, platform, statistics, subprocess, sys

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


def spread(values):
    """(median, min, max) of the non-None values, or None."""
    values = sorted(v for v in values if v is not None)
    return (statistics.median(values), values[0], values[-1]) if values else None


def cell(s, digits=3):
    if s is None:
        return "–"
    med, lo, hi = s
    return fmt(med, digits) if lo == hi else "%s (%s–%s)" % (fmt(med, digits), fmt(lo, digits), fmt(hi, digits))


def round_ratios(mine, theirs, ours, runs):
    """Ours/peer per round, round r of ours against round r of the peer, where both figures exist."""
    return [mine(o) / theirs(c) for o, c in zip(ours, runs) if mine(o) is not None and theirs(c) not in (None, 0)]


def qps_of(run, threads):
    return next((q["qps"] for q in run.get("qps", []) if q["threads"] == threads), None)


def build_of(run, one_thread=False):
    builds = run.get("builds", [])
    if one_thread:
        return next((b for b in builds if b["threads"] == 1), {})
    return max(builds, key=lambda b: b["threads"]) if builds else {}


def rows_for():
    """(label, ours value of a run, peer value of a run, target ours/peer or None, target is a maximum)."""
    rows = [
        ("index build, s (all threads; ours reads and parses the files, the peer's Python prep excluded)",
         lambda o: build_of(o).get("seconds"), lambda c: c.get("index_seconds"), 0.5, True),
        ("index size with stored text, MB", lambda o: (get(o, "index", "bytes") or 0) / 1e6,
         lambda c: c.get("index_bytes", 0) / 1e6 if c.get("stored_text") else None, 0.8, True),
        ("index size without stored text, MB",
         lambda o: ((get(o, "index", "bytes") or 0) - (get(o, "index", "sections", "stored text") or 0)) / 1e6,
         lambda c: None if c.get("stored_text") else c.get("index_bytes", 0) / 1e6, None, True),
        ("indexing peak RSS, MB", lambda o: build_of(o).get("peak_rss_mb"), lambda c: c.get("peak_rss_mb"), None, True),
        ("open + first query, ms", lambda o: o.get("open_and_first_query_ms"),
         lambda c: c.get("open_and_first_query_ms"), None, True),
        ("QPS, 1 thread, mode any, no snippets", lambda o: qps_of(o, 1), lambda c: get(c, "search", "qps"), 1.6, False),
        ("QPS 2 threads / 1 thread (ours)", lambda o: (qps_of(o, 2) or 0) / qps_of(o, 1) if qps_of(o, 1) else None,
         lambda c: None, None, False),
    ]
    for p in ("p50", "p99"):
        rows.append(("all queries %s, ms, no snippets" % p, lambda o, p=p: get(o, "search", "all", p + "_ms"),
                     lambda c, p=p: get(c, "search", "all", p + "_ms"), 0.6, True))
    for p in ("p50", "p99"):
        rows.append(("all queries %s, ms, no snippets, ours with hits of ids and scores (as the peer's)" % p,
                     lambda o, p=p: get(o, "search_ids", "all", p + "_ms"),
                     lambda c, p=p: get(c, "search", "all", p + "_ms"), 0.6, True))
    rows.append(("all queries p50, ms, ours with snippets vs peer without",
                 lambda o: get(o, "search_snippets", "all", "p50_ms"), lambda c: get(c, "search", "all", "p50_ms"), 1.0, True))
    rows.append(("all queries p99, ms, ours with snippets vs peer without",
                 lambda o: get(o, "search_snippets", "all", "p99_ms"), lambda c: get(c, "search", "all", "p99_ms"), None, True))
    for cls in CLASSES:
        for p in ("p50", "p99"):
            rows.append(("%s %s, ms" % (cls, p), lambda o, cls=cls, p=p: get(o, "search", "classes", cls, p + "_ms"),
                         lambda c, cls=cls, p=p: get(c, "search", "classes", cls, p + "_ms"), None, True))
    return rows


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--ours", action="append", required=True, help="one per round, in round order")
    parser.add_argument("--competitor", action="append", default=[], help="one per engine and round, in round order")
    parser.add_argument("--corpus-label", default="")
    parser.add_argument("--out-prefix", required=True)
    args = parser.parse_args()

    ours = []
    for path in args.ours:
        with open(path) as f:
            ours.append(json.load(f))
    peers = {}
    for path in args.competitor:
        try:
            with open(path) as f:
                c = json.load(f)
            peers.setdefault(c.get("engine", "?"), []).append(c)
        except (OSError, ValueError) as error:
            print("report: skipped %s (%s)" % (path, error), file=sys.stderr)

    rows = rows_for()
    names = list(peers)
    header = "| " + " | ".join(["figure", "ours"] + ["%s | ours/%s" % (n, n) for n in names]) + " |"
    lines = [header, "|" + "---|" * (2 + 2 * len(names))]
    for label, mine, theirs, _, _ in rows:
        cells = [label, cell(spread(mine(o) for o in ours))]
        for n in names:
            runs = peers[n]
            cells.append(cell(spread(theirs(c) for c in runs)))
            # Ratios pair round r of ours with round r of the peer (same minutes of the machine).
            ratios = round_ratios(mine, theirs, ours, runs)
            cells.append(cell(spread(ratios), 2))
        lines.append("| " + " | ".join(cells) + " |")

    targets = []
    fair = next((n for n in names if n.endswith("-stored")), None)
    if fair:
        targets = ["## Targets of issue 12 against %s (ratio ours/peer, median of the rounds' ratios)" % fair, "",
                   "| figure | target | measured | met |", "|---|---|---|---|"]
        for label, mine, theirs, target, is_max in rows:
            if target is None:
                continue
            ratios = round_ratios(mine, theirs, ours, peers[fair])
            s = spread(ratios)
            met = "–" if s is None else ("yes" if (s[0] <= target if is_max else s[0] >= target) else "no")
            targets.append("| %s | %s %.1f× | %s | %s |" % (label, "≤" if is_max else "≥", target, cell(s, 2), met))
        scaling = spread((qps_of(o, 2) or 0) / qps_of(o, 1) for o in ours if qps_of(o, 1))
        targets.append("| QPS 2 threads / 1 thread (ours) | ≥ 1.9× | %s | %s |" % (
            cell(scaling, 2), "–" if scaling is None else ("yes" if scaling[0] >= 1.9 else "no")))
        first = spread(o.get("open_and_first_query_ms") for o in ours)
        targets.append("| open + first query (ours, ms) | ≤ 1 ms | %s | %s |" % (
            cell(first), "–" if first is None else ("yes" if first[0] <= 1 else "no")))
        targets.append("")

    natural = ["| class | natural mode | p50 ms | p99 ms | with snippets p50 | p99 |", "|---|---|---|---|---|---|"]
    for cls in CLASSES:
        def fig(key, p):
            return cell(spread(get(o, key, "classes", cls, p + "_ms") for o in ours))
        natural.append("| %s | %s | %s | %s | %s | %s |" % (cls, "any" if cls == "any" else "all", fig("search_natural", "p50"),
                       fig("search_natural", "p99"), fig("search_natural_snippets", "p50"), fig("search_natural_snippets", "p99")))

    info = machine()
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    index = ours[-1].get("index", {})
    md = ["# Benchmark results, %s" % now, "",
          "Machine: %s cores, %s, %s GB memory; %s; Python %s; load average at the end %s." % (
              info.get("nproc"), info.get("cpu", "?"), info.get("memory_gb", "?"), info.get("swift", "?"),
              info.get("python"), ", ".join("%.2f" % x for x in info.get("load_average", ()))),
          "", "Corpus: %s — %s documents, %.1f MB. Queries: %s, top 10, one thread, after one untimed pass. "
          "%d round(s), ours and the peers alternating; each figure is the median of the rounds (min–max), and "
          "each ratio the median of the rounds' ratios, round r of ours over round r of the peer." % (
              args.corpus_label, build_of(ours[-1]).get("documents", "?"), ours[-1].get("corpus_bytes", 0) / 1e6,
              ours[-1].get("queries"), len(ours)),
          "",
          "Mode any for everyone (bag of tokens: one-character runs as the character, longer runs as bigrams; "
          "competitors as set up in Benchmarks/competitors/*.py). Ratios are ours/competitor: below 1 means we "
          "are smaller or faster for sizes and times; above 1 means we are faster for QPS. Python adds roughly "
          "5–20 µs to each of the competitors' query times.",
          "", *targets, "## Every figure", "", *lines, "",
          "Our index: %s bytes per token (postings + positions: %s), %s bytes per posting without stored text, "
          "%s tokens, %s postings, %s CJK terms, %s character lists." % (
              fmt(index.get("bytes_per_token"), 2), fmt(index.get("postings_and_positions_bytes_per_token"), 2),
              fmt(index.get("bytes_per_posting_without_stored_text"), 2), fmt(index.get("text_tokens")),
              fmt(index.get("postings")), fmt(index.get("cjk_terms")), fmt(index.get("char_terms"))),
          "", "Sections: " + ", ".join("%s %.1f MB" % (k, v / 1e6) for k, v in
                                       sorted(index.get("sections", {}).items(), key=lambda kv: -kv[1])) + ".",
          "", "## Ours in each class's natural mode", "", *natural, ""]
    for n in names:
        c = peers[n][-1]
        skipped = get(c, "search", "queries_skipped")
        md.append("- %s (%s, %d round(s)): %s%s" % (n, c.get("version"), len(peers[n]), c.get("tokenizer"),
                                                   "; %s queries skipped (no term it can match)" % skipped if skipped else ""))
    md.append("")

    combined = {"date": now, "machine": info, "corpus": args.corpus_label, "ours": ours, "competitors": peers}
    os.makedirs(os.path.dirname(os.path.abspath(args.out_prefix)), exist_ok=True)
    with open(args.out_prefix + ".json", "w") as f:
        json.dump(combined, f, ensure_ascii=False, indent=1)
    with open(args.out_prefix + ".md", "w") as f:
        f.write("\n".join(md))
    print("report: wrote %s.json and %s.md" % (args.out_prefix, args.out_prefix))


if __name__ == "__main__":
    main()
