#!/usr/bin/env bash
# Batch comparison: `ci-callback validate DIR` against `xmllint --noout --schema` on the same XML files and ajv-cli on
# the same JSON files, whole processes (JVM start included), on this machine's cores.
#
#   benchmarks/compare.sh [R]        R rounds per batch (default 3), the tools alternating within each round
#
# Batches: 3,000 and 30,000 payloads of each format (SIZES="3000 30000"), made from the valid fixtures in turn, each
# JobId replaced by a distinct one; then, per job Tag of the contract (the XSD's Tag enumeration) and WorkflowFinish,
# a batch of TAG_COPIES (default 1,000) copies of that Tag's published sample, one round (TAGS=0 skips them); then
# CDATA_COPIES (default 3,000) copies of the TTS sample of which CDATA_PERCENT (default 7; 0 skips the case) carry
# their Input text as a CDATA section, beside the same batch without, R alternating rounds; then one small file from a
# cold start (R runs); SIZES= TAGS=0 runs the CDATA case alone (and the cold start). Prints the medians of wall time,
# CPU time (user + system) and maximum resident memory, and the ratios ours / theirs. Needs GNU time (/usr/bin/time,
# Debian package "time").
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
sizes=${SIZES-3000 30000}
tag_copies=${TAG_COPIES:-1000}
cdata_copies=${CDATA_COPIES:-3000}
cdata_percent=${CDATA_PERCENT:-7}
gnu_time=/usr/bin/time
[[ -x $gnu_time ]] || { echo "compare.sh: GNU time is needed at $gnu_time (apt-get install time)" >&2; exit 2; }

bin/install-test-tools >&2
bin/ci-callback --version >/dev/null   # builds the jar and its CDS archive if needed
ajv=.tools/node_modules/.bin/ajv

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# copies OUT N TEMPLATE...: N payloads in OUT from the templates in turn, each JobId replaced by a distinct one.
copies() {
  local out=$1 n=$2
  shift 2
  local templates=("$@") count=$# i=0
  mkdir -p "$out"
  for template in "${templates[@]}"; do
    local ext=${template##*.}
    local per=$(( n / count + (i < n % count ? 1 : 0) ))
    awk -v per="$per" -v offset="$i" -v count="$count" -v out="$out" -v ext="$ext" '
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

# The contract of every callback, as the project validates: callback.xsd and callback.schema.json with their files.
refs=()
for s in schema/json/*.schema.json; do
  case $s in */callback.schema.json|*/tts-callback.schema.json) ;; *) refs+=(-r "$s") ;; esac
done
other_name() { [[ $1 == xml ]] && echo xmllint || echo ajv-cli; }

# measure FILE TOOL PATH: appends "wall cpu maxrss_kb" of one run of TOOL (ours, xml or json: xmllint or ajv-cli) over
# PATH (a folder of payloads, or one file for ours) to FILE; the output is dropped.
measure() {
  local file=$1 tool=$2 path=$3 command
  case $tool in
    ours) command=(bin/ci-callback validate "$path") ;;
    xml) command=(xmllint --noout --nonet --schema schema/xml/callback.xsd "$path"/*.xml) ;;
    json) command=("$ajv" validate --spec=draft2020 --strict=false -s schema/json/callback.schema.json "${refs[@]}"
      -d "$path/*.json") ;;
  esac
  "$gnu_time" -f '%e %U %S %M' -o "$work/time" "${command[@]}" >/dev/null 2>&1 || true
  awk '{ printf "%.3f %.3f %d\n", $1, $2 + $3, $4 }' "$work/time" >> "$file"
}
median() { # file column
  awk -v c="$2" '{ print $c }' "$1" | sort -n |
    awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
mb() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }

# row LABEL FORMAT OURS_FILE THEIRS_FILE: one table row from the medians.
row() {
  local ow oc om tw tc tm
  ow=$(median "$3" 1) oc=$(median "$3" 2) om=$(median "$3" 3)
  tw=$(median "$4" 1) tc=$(median "$4" 2) tm=$(median "$4" 3)
  echo "| $1 | $ow | $(other_name "$2") $tw | $(ratio "$ow" "$tw") | $oc | $tc | $(ratio "$oc" "$tc") | $(mb "$om") | $(mb "$tm") |"
}
header() {
  echo "| $1 | ci-callback wall (s) | other tool wall (s) | wall ratio | ci-callback CPU (s) | other CPU (s) | CPU ratio | ci-callback max RSS (MB) | other max RSS (MB) |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
}

# A JDK 17 dynamic CDS archive can keep methods from ever being compiled (cli/pom.xml says how): check it does not.
copies "$work/check" 2000 schema/examples/xml/valid-seed-case1-task-api.xml
if ! JAVA_TOOL_OPTIONS=-XX:+PrintCompilation bin/ci-callback validate "$work/check" 2>/dev/null |
    grep -q 'XsdVerdict\$Scan::startTag'; then
  echo "compare.sh: warning: the quick XML verdict was not compiled in a 2,000-file batch; is the CDS archive stale?" >&2
fi

batches=()
for n in $sizes; do
  for format in xml json; do
    copies "$work/$n/$format" "$n" schema/examples/"$format"/valid-*."$format"
    batches+=("$n/$format")
  done
done
echo "generated the batches ${batches[*]} in $work" >&2

for round in $(seq "$rounds"); do
  for batch in "${batches[@]}"; do
    format=${batch#*/}
    measure "$work/ours-${batch/\//-}" ours "$work/$batch"
    measure "$work/theirs-${batch/\//-}" "$format" "$work/$batch"
    echo "round $round, $batch: ci-callback $(tail -1 "$work/ours-${batch/\//-}")," \
      "$(other_name "$format") $(tail -1 "$work/theirs-${batch/\//-}") (wall s, CPU s, max RSS KB)" >&2
  done
done

echo "Batches (medians of $rounds alternating rounds; CPU is user + system time of the whole process):"
echo
header payloads
for batch in "${batches[@]}"; do
  format=${batch#*/}
  row "$(printf "%'d" "${batch%/*}") ${format^^}" "$format" "$work/ours-${batch/\//-}" "$work/theirs-${batch/\//-}"
done

if [[ ${TAGS:-1} != 0 ]]; then
  tags=($(sed -n '/<xs:simpleType name="Tag"/,/<\/xs:simpleType>/p' schema/xml/*.xsd |
    grep -o 'value="[^"]*"' | sed 's/value="\(.*\)"/\1/' | sort -u) WorkflowFinish)
  echo
  echo "Per job Tag: $(printf "%'d" "$tag_copies") copies of the Tag's sample (the first valid fixture named after" \
    "it, a published one where there is one: sample, docs or SDK in its name, the seed case for Tts), one run each:"
  echo
  header "sample"
  for format in xml json; do
    for tag in "${tags[@]}"; do
      lower=$(echo "$tag" | tr '[:upper:]' '[:lower:]')
      sample=$( (ls schema/examples/"$format"/valid-"$lower"-*{sample,docs,sdk}*."$format" 2>/dev/null;
        ls schema/examples/"$format"/valid-"$lower"-*."$format" 2>/dev/null) | head -1 || true)
      # The TTS callback Tencent publishes is the seed case (valid-seed-case1-task-api).
      [[ $tag == Tts ]] && sample=schema/examples/$format/valid-seed-case1-task-api.$format
      [[ -n $sample ]] || { echo "| $format $tag | no sample | | | | | | | |"; continue; }
      dir="$work/tag/$format-$tag"
      copies "$dir" "$tag_copies" "$sample"
      measure "$dir.ours" ours "$dir"
      measure "$dir.theirs" "$format" "$dir"
      row "$format $tag ($(basename "$sample"))" "$format" "$dir.ours" "$dir.theirs"
      rm -rf "$dir"
    done
  done
fi

if [[ $cdata_percent != 0 ]]; then
  # The TTS callback Tencent publishes (the seed case), its Input wrapped in a CDATA section in every payload whose
  # index crosses a multiple of 100 / CDATA_PERCENT: the share spread evenly through the batch.
  sample=schema/examples/xml/valid-seed-case1-task-api.xml
  copies "$work/cdata/plain" "$cdata_copies" "$sample"
  cp -r "$work/cdata/plain" "$work/cdata/mixed"
  cdata=0
  for ((i = 0; i < cdata_copies; i++)); do
    if (( (i + 1) * cdata_percent / 100 > i * cdata_percent / 100 )); then
      sed -i 's|<Input>\([^<]*\)</Input>|<Input><![CDATA[\1]]></Input>|' \
        "$(printf "%s/cdata/mixed/payload-%05d.xml" "$work" "$i")"
      cdata=$((cdata + 1))
    fi
  done
  [[ $(grep -l '<!\[CDATA\[' "$work"/cdata/mixed/*.xml | wc -l) == "$cdata" ]] ||
    { echo "compare.sh: the mixed batch does not have $cdata CDATA sections" >&2; exit 1; }
  for round in $(seq "$rounds"); do
    for batch in plain mixed; do
      measure "$work/ours-cdata-$batch" ours "$work/cdata/$batch"
      measure "$work/theirs-cdata-$batch" xml "$work/cdata/$batch"
    done
  done
  echo
  echo "TTS sample, $(printf "%'d" "$cdata_copies") copies, $cdata of them with a CDATA section (medians of $rounds" \
    "alternating rounds):"
  echo
  header payloads
  row "no CDATA section" xml "$work/ours-cdata-plain" "$work/theirs-cdata-plain"
  row "$cdata_percent% with a CDATA section" xml "$work/ours-cdata-mixed" "$work/theirs-cdata-mixed"
  echo
  echo "ci-callback, with CDATA / without: wall $(ratio "$(median "$work/ours-cdata-mixed" 1)" \
    "$(median "$work/ours-cdata-plain" 1)"), CPU $(ratio "$(median "$work/ours-cdata-mixed" 2)" \
    "$(median "$work/ours-cdata-plain" 2)")"
fi

echo
echo "One small file from a cold start (median of $rounds runs each):"
echo
header file
for file in schema/examples/xml/valid-minimal.xml schema/examples/json/valid-minimal.json; do
  format=${file##*.}
  for round in $(seq "$rounds"); do
    measure "$work/cold-ours-$format" ours "$file"
    mkdir -p "$work/cold-$format" && cp "$file" "$work/cold-$format/"
    measure "$work/cold-theirs-$format" "$format" "$work/cold-$format"
  done
  row "$(basename "$file")" "$format" "$work/cold-ours-$format" "$work/cold-theirs-$format"
done
