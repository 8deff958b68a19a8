#!/usr/bin/env bash
# One command for the whole benchmark: Benchmarks/run.sh [--mb 100] [--real] [--seed 1] [--no-competitors] [--smoke]
#   builds release, generates (or reuses) the corpus and queries in Benchmarks/work/, runs our harness and the
#   competitors (Tantivy, SQLite FTS5 bigram + trigram, Xapian), and writes Benchmarks/results/<date>.json and .md.
#   --real   benchmark the real corpus from Benchmarks/scripts/real-corpus.sh instead of a generated one
#   --smoke  seconds-long run on a tiny generated corpus, no competitors, results in Benchmarks/work/smoke/ (for CI)
set -euo pipefail
cd "$(dirname "$0")/.."
mb=100 seed=1 real=0 smoke=0 competitors=1 per_class=150 min_seconds=2
while [ $# -gt 0 ]; do
    case "$1" in
        --mb) mb="$2"; shift 2 ;;
        --seed) seed="$2"; shift 2 ;;
        --real) real=1; shift ;;
        --smoke) smoke=1; shift ;;
        --no-competitors) competitors=0; shift ;;
        -h|--help) sed -n '2,6p' "$0"; exit 0 ;;
        *) echo "run.sh: unknown option $1" >&2; exit 2 ;;
    esac
done
if [ "$smoke" = 1 ]; then mb=0.3 real=0 competitors=0 per_class=12 min_seconds=0.05; fi

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
echo "== ours: search-bench run"
"$bench" run --corpus "$corpus" --queries "$queries" --out "$out/ours.json" --index "$out/ours.idx" \
    --min-seconds "$min_seconds"

reports=()
if [ "$competitors" = 1 ]; then
    [ -x Benchmarks/.venv/bin/python ] || Benchmarks/scripts/setup-competitors.sh
    py=Benchmarks/.venv/bin/python
    run_competitor() {  # name, script, extra args...
        local engine="$1" script="$2"; shift 2
        echo "== $engine"
        if "$py" "Benchmarks/competitors/$script" --corpus "$corpus" --queries "$queries" "$@" > "$out/$engine.json.tmp"; then
            mv "$out/$engine.json.tmp" "$out/$engine.json"
            reports+=(--competitor "$out/$engine.json")
        else
            echo "run.sh: $engine failed; left out of the report" >&2
        fi
    }
    run_competitor tantivy tantivy_bench.py --index "$out/tantivy.idx" --threads "$(nproc)"
    run_competitor tantivy-bigram tantivy_bench.py --tokens bigram --index "$out/tantivy-bigram.idx" --threads "$(nproc)"
    run_competitor fts5-bigram fts5_bench.py --variant bigram --index "$out/fts5-bigram.db"
    run_competitor fts5-trigram fts5_bench.py --variant trigram --index "$out/fts5-trigram.db"
    if "$py" -c 'import xapian' 2>/dev/null; then
        run_competitor xapian xapian_bench.py --index "$out/xapian.idx"
    else
        echo "run.sh: python3-xapian not installed; Xapian left out" >&2
    fi
    rm -rf "$out"/*.idx "$out"/*.db
fi

if [ "$smoke" = 1 ]; then
    prefix="$out/report"
else
    prefix="Benchmarks/results/$(date -u +%Y-%m-%d)"
    [ "$real" = 1 ] && prefix="$prefix-real"
fi
python3 Benchmarks/scripts/report.py --ours "$out/ours.json" ${reports[@]+"${reports[@]}"} \
    --corpus-label "$label" --out-prefix "$prefix"
echo "== done: $prefix.md"
