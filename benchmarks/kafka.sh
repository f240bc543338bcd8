#!/usr/bin/env bash
# Callbacks consumed per second from one Kafka partition: a plain KafkaConsumer reads the whole partition from its
# beginning with ci-callback-kafka's CallbackDeserializer (each record validated and read, the valid ones counted; the
# run fails unless all are) and with a ByteArrayDeserializer whose loop does nothing but count, alternating (the order
# swapped every round), against a real broker (Kafka's own KRaft broker, started in the benchmark's JVM by
# spring-kafka-test; module benchmarks-kafka). Per body form, a topic of one partition holds RECORDS copies of the
# seed's TTS callback, each with a JobId of its own; one pass of each deserializer warms up, then ROUNDS rounds. A pass
# is timed from its first poll to its last record. Prints records per second of each pass, the ratio
# CallbackDeserializer / ByteArray of each round, and each pass's CPU time per record (the whole process's, broker
# included; on a shared machine it moves less with the other work than the wall time does).
#
#   benchmarks/kafka.sh [FORM...]                      forms: xml json (default: both)
#   ROUNDS=3 RECORDS=200000 MAX_POLL_RECORDS=2000 benchmarks/kafka.sh xml
#   JAVA_OPTS="-Xmx2g" benchmarks/kafka.sh             (options of the benchmark's JVM)
set -euo pipefail
cd "$(dirname "$0")/.."
forms=("$@")
[[ ${#forms[@]} -gt 0 ]] || forms=(xml json)
bodies=()
for form in "${forms[@]}"; do
  case $form in
    xml|json) bodies+=("schema/examples/$form/valid-seed-case1-task-api.$form") ;;
    *) echo "kafka.sh: unknown form \"$form\" (xml, json)" >&2; exit 2 ;;
  esac
done

mvn -B -q -DskipTests -pl benchmarks-kafka -am package >&2   # standard output holds the table alone
jar=$(ls benchmarks-kafka/target/ci-callback-benchmarks-kafka-*.jar | grep -v original | head -1)
# shellcheck disable=SC2086
java ${JAVA_OPTS:-} -jar "$jar" "${bodies[@]}"
