#!/usr/bin/env bash
# Runs the JMH benchmarks (about 6 minutes) and prints operations per second with the ratio of each to the bare parse
# of the same bytes, measured in the same run. Extra arguments go to JMH (e.g. -p size=small).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests -pl benchmarks -am package
java -jar benchmarks/target/benchmarks.jar -rf json -rff benchmarks/target/jmh-result.json "$@"
java -cp benchmarks/target/benchmarks.jar dev.cicallback.benchmarks.Ratios benchmarks/target/jmh-result.json
