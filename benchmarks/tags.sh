#!/usr/bin/env bash
# TagBenchmark sample by sample: for each sample (every @Param of TagBenchmark, or those given as arguments), its bare
# parse and its read measured back to back in one JMH run, so that each ratio compares figures taken seconds apart
# (on a shared machine the load changes over minutes, and one JMH run of every sample takes a benchmark's figures
# for all samples before the next benchmark's). Prints the table of benchmarks/run.sh.
#
#   benchmarks/tags.sh                                   every sample (about 15 s each)
#   benchmarks/tags.sh json/moderation/valid-auditing-image-simple-intldocs-sample1.json ...
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests -pl benchmarks -am package
if [[ $# -gt 0 ]]; then
  samples=("$@")
else
  mapfile -t samples < <(sed -En 's#^    "((xml|json)/[^"]*)",?$#\1#p' \
    benchmarks/src/main/java/dev/cicallback/benchmarks/TagBenchmark.java)
fi
results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
for i in "${!samples[@]}"; do
  java -jar benchmarks/target/benchmarks.jar 'TagBenchmark\.(bareParse|read)$' -p sample="${samples[$i]}" \
    -wi 3 -i 3 -rf json -rff "$results/$i.json" >/dev/null
done
java -cp benchmarks/target/benchmarks.jar dev.cicallback.benchmarks.Ratios "$results"/*.json
