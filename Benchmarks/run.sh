#!/usr/bin/env bash
# One command for the whole benchmark: Benchmarks/run.sh [--mb 100] [--real] [--seed 1] [--rounds 3] [--no-competitors]
#   [--fair-only] [--smoke]: builds release, generates (or reuses) the corpus and queries in Benchmarks/work/, then runs
#   ROUNDS alternating rounds of ours and the fair peer (Tantivy on our exact tokens, storing the same text; the order
#   flips each round), then the other competitors once (Tantivy's own n-grams, SQLite FTS5 bigram + trigram, Xapian;
#   not with --fair-only), and writes Benchmarks/results/<date>.json and .md (medians and min–max of the rounds).
#   --real   benchmark the real corpus from Benchmarks/scripts/real-corpus.sh instead of a generated one
#   --smoke  seconds-long run on a tiny generated corpus, no competitors, results in Benchmarks/work/smoke/ (for CI)
set -euo pipefail
cd "$(dirname "$0")/.."
mb=100 seed=1 real=0 smoke=0 competitors=1 fair_only=0 rounds=3 per_class=150 min_seconds=2
while [ $# -gt 0 ]; do
    case "$1" in
        --mb) mb="$2"; shift 2 ;;
        --seed) seed="$2"; shift 2 ;;
        --real) real=1; shift ;;
        --smoke) smoke=1; shift ;;
        --rounds) rounds="$2"; shift 2 ;;
        --no-competitors) competitors=0; shift ;;
        --fair-only) fair_only=1; shift ;;
        -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
        *) echo "run.sh: unknown option $1" >&2; exit 2 ;;
    esac
done
if [ "$smoke" = 1 ]; then mb=0.3 real=0 competitors=0 rounds=1 per_class=12 min_seconds=0.05; fi

work=Benchmarks/work
mkdir -p "$work"
echo "== release build"
swift build -c release --product search-bench 2>&1 | tail -1
bench="$(swift build -c release --show-bin-path)/search-bench"

if [ "$real" = 1 ]; then
    corpus="$work/real"
    label="real (Benchmarks/scripts/real-corpus.sh)"
    [ -f "$corpus.done" ] || { Benchmarks/scripts/real-corpus.sh "$corpus" && touch "$corpus.done"; }
    name="real"
else
    name="generated-${mb}mb-seed${seed}"
    corpus="$work/$name"
    label="generated, search-bench corpus --mb $mb --seed $seed"
    if [ ! -f "$corpus.done" ]; then
        echo "== corpus: $label"
        "$bench" corpus --mb "$mb" --seed "$seed" --out "$corpus" --force
        touch "$corpus.done"
    fi
fi
queries="$work/queries-$name-seed$seed-$per_class.tsv"
[ -s "$queries" ] || "$bench" queries --corpus "$corpus" --out "$queries" --seed "$seed" --per-class "$per_class"

out="$work/out-$name"
[ "$smoke" = 1 ] && out="$work/smoke"
mkdir -p "$out"
ours_round() {  # round number; the single-thread build only in the first round
    echo "== ours, round $1: search-bench run"
    local once=()
    [ "$1" = 1 ] || once=(--no-single-thread-build)
    "$bench" run --corpus "$corpus" --queries "$queries" --out "$out/ours-r$1.json" --index "$out/ours.idx" \
        --min-seconds "$min_seconds" ${once[@]+"${once[@]}"}
    ours_reports+=(--ours "$out/ours-r$1.json")
}
reports=() ours_reports=()
if [ "$competitors" = 1 ]; then
    [ -x Benchmarks/.venv/bin/python ] || Benchmarks/scripts/setup-competitors.sh
    py=Benchmarks/.venv/bin/python
fi
run_competitor() {  # output name, script, extra args...
    local engine="$1" script="$2"; shift 2
    echo "== $engine"
    if "$py" "Benchmarks/competitors/$script" --corpus "$corpus" --queries "$queries" "$@" > "$out/$engine.json.tmp"; then
        mv "$out/$engine.json.tmp" "$out/$engine.json"
        reports+=(--competitor "$out/$engine.json")
    else
        echo "run.sh: $engine failed; left out of the report" >&2
    fi
}
fair_round() {
    run_competitor "tantivy-bigram-stored-r$1" tantivy_bench.py --tokens bigram --store-text \
        --index "$out/tantivy-fair.idx" --threads "$(nproc)"
}
for round in $(seq 1 "$rounds"); do
    if [ "$competitors" = 1 ] && [ $((round % 2)) = 0 ]; then fair_round "$round"; ours_round "$round"
    else ours_round "$round"; [ "$competitors" = 1 ] && fair_round "$round"; fi
done
if [ "$competitors" = 1 ] && [ "$fair_only" = 0 ]; then
    run_competitor tantivy tantivy_bench.py --index "$out/tantivy.idx" --threads "$(nproc)"
    run_competitor fts5-bigram fts5_bench.py --variant bigram --index "$out/fts5-bigram.db"
    run_competitor fts5-trigram fts5_bench.py --variant trigram --index "$out/fts5-trigram.db"
    if "$py" -c 'import xapian' 2>/dev/null; then
        run_competitor xapian xapian_bench.py --index "$out/xapian.idx"
    else
        echo "run.sh: python3-xapian not installed; Xapian left out" >&2
    fi
fi
rm -rf "$out"/*.idx "$out"/*.idx*.lock "$out"/*.db

if [ "$smoke" = 1 ]; then
    prefix="$out/report"
else
    prefix="Benchmarks/results/$(date -u +%Y-%m-%d)"
    [ "$real" = 1 ] && prefix="$prefix-real"
fi
python3 Benchmarks/scripts/report.py "${ours_reports[@]}" ${reports[@]+"${reports[@]}"} \
    --corpus-label "$label" --out-prefix "$prefix"
echo "== done: $prefix.md"
