#!/usr/bin/env bash
# Installs the engines we compare against into Benchmarks/.venv (gitignored):
#   tantivy (PyPI), SQLite FTS5 (Python's sqlite3), Xapian (Debian's python3-xapian, seen through --system-site-packages).
# Usage: Benchmarks/scripts/setup-competitors.sh   (idempotent; needs root for apt-get, else skips Xapian)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
venv="$here/.venv"
python=/usr/bin/python3
[ -x "$python" ] || python="$(command -v python3)"

if ! "$python" -c 'import xapian' 2>/dev/null || ! "$python" -c 'import venv, ensurepip' 2>/dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        apt-get update -qq >/dev/null || true
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-xapian python3-venv >/dev/null \
            || echo "setup-competitors: could not install python3-xapian/python3-venv; Xapian will be skipped" >&2
    else
        echo "setup-competitors: not root; install python3-xapian and python3-venv by hand for Xapian" >&2
    fi
fi

if [ ! -x "$venv/bin/python" ]; then
    "$python" -m venv --system-site-packages "$venv"
fi
"$venv/bin/python" -m pip install -q --disable-pip-version-check 'tantivy==0.25.*' || \
    "$venv/bin/python" -m pip install -q --disable-pip-version-check tantivy
"$venv/bin/python" - <<'PY'
import sqlite3
con = sqlite3.connect(":memory:")
con.execute("create virtual table t using fts5(x, tokenize='trigram')")
print("sqlite", sqlite3.sqlite_version, "fts5 trigram: ok")
import tantivy
print("tantivy-py", getattr(tantivy, "__version__", "?"))
try:
    import xapian
    print("xapian", xapian.version_string())
except ImportError:
    print("xapian: not available")
PY
