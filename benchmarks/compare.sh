#!/usr/bin/env bash
# Batch comparison: `ci-callback validate DIR` against `xmllint --noout --schema` on the same XML files and ajv-cli on
# the same JSON files, JVM start included. Generates N payloads of each format (default 3,000) from the valid fixtures
# with distinct JobIds, alternates the tools for R rounds (default 5), prints the medians and the ratios.
#   benchmarks/compare.sh [N] [R]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-3000}
rounds=${2:-5}

bin/install-test-tools >&2
bin/ci-callback --version >/dev/null   # builds the jar and its CDS archive if needed
ajv=.tools/node_modules/.bin/ajv

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/xml" "$work/json"

# N payloads per format: the valid fixtures in turn, each JobId replaced by a distinct one.
generate() { # format
  local templates=(schema/examples/"$1"/valid-*."$1")
  local count=${#templates[@]} i=0
  for template in "${templates[@]}"; do
    local per=$(( n / count + (i < n % count ? 1 : 0) ))
    awk -v per="$per" -v offset="$i" -v count="$count" -v out="$work/$1" -v ext="$1" '
      { lines[NR] = $0 }
      END {
        for (k = 0; k < per; k++) {
          id = offset + k * count
          file = sprintf("%s/payload-%05d.%s", out, id, ext)
          for (l = 1; l <= NR; l++) {
            line = lines[l]
            gsub(/<JobId>[^<]*<\/JobId>/, sprintf("<JobId>j%032x</JobId>", id), line)
            gsub(/"JobId": "[^"]*"/, sprintf("\"JobId\": \"j%032x\"", id), line)
            print line > file
          }
          close(file)
        }
      }' "$template"
    i=$((i + 1))
  done
}
generate xml
generate json
echo "generated $(ls "$work/xml" | wc -l) XML and $(ls "$work/json" | wc -l) JSON payloads in $work" >&2

seconds() { # command...: wall time of one run, in seconds
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null 2>&1 || true
  end=$(date +%s%N)
  awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f\n", (e - s) / 1e9 }'
}
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# The contract of every callback, as the project validates: callback.xsd and callback.schema.json with their files.
refs=()
for s in schema/json/*.schema.json; do
  case $s in */callback.schema.json|*/tts-callback.schema.json) ;; *) refs+=(-r "$s") ;; esac
done

ours_xml=() xmllint_runs=() ours_json=() ajv_runs=()
for round in $(seq "$rounds"); do
  ours_xml+=("$(seconds bin/ci-callback validate "$work/xml")")
  xmllint_runs+=("$(seconds xmllint --noout --nonet --schema schema/xml/callback.xsd "$work"/xml/*.xml)")
  ours_json+=("$(seconds bin/ci-callback validate "$work/json")")
  ajv_runs+=("$(seconds "$ajv" validate --spec=draft2020 --strict=false -s schema/json/callback.schema.json \
    "${refs[@]}" -d "$work/json/*.json")")
  echo "round $round: ci-callback xml ${ours_xml[-1]}s, xmllint ${xmllint_runs[-1]}s," \
    "ci-callback json ${ours_json[-1]}s, ajv ${ajv_runs[-1]}s" >&2
done

m_ours_xml=$(printf '%s\n' "${ours_xml[@]}" | median)
m_xmllint=$(printf '%s\n' "${xmllint_runs[@]}" | median)
m_ours_json=$(printf '%s\n' "${ours_json[@]}" | median)
m_ajv=$(printf '%s\n' "${ajv_runs[@]}" | median)
echo "| payloads | ci-callback validate (median s) | other tool (median s) | ratio (ours / theirs) |"
echo "|---|---:|---:|---:|"
echo "| $n XML | $m_ours_xml | xmllint $m_xmllint | $(awk -v a="$m_ours_xml" -v b="$m_xmllint" 'BEGIN { printf "%.2f", a / b }') |"
echo "| $n JSON | $m_ours_json | ajv-cli $m_ajv | $(awk -v a="$m_ours_json" -v b="$m_ajv" 'BEGIN { printf "%.2f", a / b }') |"
