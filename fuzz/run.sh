#!/usr/bin/env bash
# Fuzz khabar's text layer for MINUTES minutes (default 5): fuzz/run.sh MINUTES
# Needs atheris in the venv (.venv/bin/pip install atheris). Not part of the test suite.
# Work dir (corpus, crashes): $KHABAR_FUZZ_WORK, default /tmp/khabar-fuzz. A crash or timeout
# input is written there as crash-*/timeout-*: turn each into a test in tests/robustness/test_fuzz_regressions.py.
set -euo pipefail
MINUTES="${1:-5}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PY="${PYTHON:-$ROOT/.venv/bin/python}"
WORK="${KHABAR_FUZZ_WORK:-/tmp/khabar-fuzz}"
mkdir -p "$WORK/corpus" "$WORK/artifacts"
# Seed corpus: the bundled example articles, as raw text (mode byte 0) and as a JSONL record (mode byte 2).
for f in "$ROOT"/examples/*.txt; do
  name="$(basename "$f" .txt)"
  { printf '\x00'; head -c 6000 "$f"; } > "$WORK/corpus/seed-$name-raw"
  { printf '\x02'; "$PY" -c 'import json,sys; print(json.dumps({"id": "s", "text": open(sys.argv[1], encoding="utf-8").read()[:3000]}, ensure_ascii=False))' "$f"; } > "$WORK/corpus/seed-$name-jsonl"
done
cd "$ROOT"
"$PY" fuzz/make_dict.py "$WORK/khabar.dict"
export KHABAR_FUZZ_WORDS="$WORK/khabar.dict"  # the word mode (first byte % 6 == 5) joins these strings
for i in 1 2 3 4; do head -c 600 /dev/urandom | { printf '\x05'; cat; } > "$WORK/corpus/seed-words-$i"; done
exec "$PY" fuzz/target.py "$WORK/corpus" -dict="$WORK/khabar.dict" \
  -max_total_time="$(awk -v m="$MINUTES" 'BEGIN { printf "%d", m * 60 }')" -max_len=8192 -timeout=20 -rss_limit_mb=3072 \
  -artifact_prefix="$WORK/artifacts/" -print_final_stats=1
