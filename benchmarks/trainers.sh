#!/usr/bin/env bash
# Trainer step benchmarks for BENCHMARKS.md: TF Java (JMH) and the PyTorch CPU peer, one after the other in one
# run on the same machine. Usage: benchmarks/trainers.sh [JMH args...]   (build first: mvn -q -B package -DskipTests)
# On a machine shared with other JMH runs: JAVA_OPTS=-Djmh.ignoreLock=true.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cp="$root/harness/target/classes:$(cat "$root/harness/target/classpath.txt")"
# As the launcher runs ganiqa (oneDNN on; the JMH forks inherit it). TF_ENABLE_ONEDNN_OPTS=0 measures without.
export TF_ENABLE_ONEDNN_OPTS="${TF_ENABLE_ONEDNN_OPTS:-1}"
echo "== TF_ENABLE_ONEDNN_OPTS=$TF_ENABLE_ONEDNN_OPTS"
echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "== TF Java (JMH)"
java ${JAVA_OPTS:-} -cp "$cp" org.openjdk.jmh.Main 'TrainStepBenchmark|MatmulBenchmark' -rf json -rff "${JMH_OUT:-/tmp/trainers-jmh.json}" "$@"
echo "== PyTorch peer"
OMP_WAIT_POLICY=PASSIVE /usr/bin/python3 "$root/benchmarks/torch_gan_step.py" --threads 2
