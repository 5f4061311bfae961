#!/usr/bin/env bash
# Java against numpy on the experiment of book section 6.2.4, WeightInitCompare (weight_init_compare.py): MNIST,
# batch 128, three 784-[100x4]-10 ReLU networks (std=0.01, Xavier, He) on the same batches, SGD lr 0.01, 2000
# iterations = 6000 net-iterations (one network's step: gradient, update, loss). Run in turn, in one go, two ratios:
#
#   loop:       Java's ms per net-iteration over numpy's, each over the whole 2000-iteration loop (warm-up included):
#               TrainingLoopBenchmark --workload against the loop time weight_init_compare_numpy.py prints;
#   whole run:  the whole Java program as a reader runs it, from JVM start to exit in a 256 MB heap (loading and
#               checking MNIST, the loop, the test accuracy, the figure), against the whole numpy script (Python
#               start, reading MNIST, the loop), both timed from outside by this script.
#
# numpy counts at its better OpenBLAS setting, one thread per core or one thread, whichever was faster in that
# round (the OpenBLAS tuning variables OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE are unset, as on a reader's machine).
# Needs a JDK, Maven, Python 3 with numpy; nothing outside this repository.
#
# usage: bench/vs-numpy.sh [--rounds N]
#   --rounds N   N rounds (default 1), then the range and the median of each ratio
# environment:
#   JAVA_HOME    the JDK that runs the Java side (default: java on the PATH)
set -euo pipefail
cd "$(dirname "$0")/.."

rounds=1
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds="${2:?--rounds needs a number}"; shift 2 ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) echo "vs-numpy.sh: unknown option '$1' (allowed: --rounds N, --help)" >&2; exit 2 ;;
  esac
done
case "$rounds" in ''|*[!0-9]*|0) echo "vs-numpy.sh: --rounds $rounds is not allowed (give a whole number >= 1)" >&2; exit 2 ;; esac
python3 -c 'import numpy' 2>/dev/null || { echo "vs-numpy.sh: python3 with numpy is needed" >&2; exit 2; }

java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
classpath="target/classes:$(cat target/bench-classpath.txt)"

# Seconds since the epoch, to the microsecond.
now() { echo "${EPOCHREALTIME/,/.}"; }

# The wall seconds of a command (its output goes to the file $1).
timed() {
  local out="$1" start end
  shift
  start=$(now)
  "$@" > "$out" 2>&1
  end=$(now)
  python3 -c "print(f'{$end - $start:.2f}')"
}

# numpy's whole-run seconds and its loop's ms per net-iteration, as "SECONDS MS"; "$@": extra environment.
numpy_run() {
  local out seconds
  out=$(mktemp)
  seconds=$(timed "$out" env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE -u OPENBLAS_NUM_THREADS "$@" \
              python3 bench/weight_init_compare_numpy.py)
  grep '^numpy:' "$out" >&2
  echo "$seconds $(sed -n 's/^numpy: \([0-9.]*\) ms per net-iteration.*/\1/p' "$out")"
  rm -f "$out"
}

loop_ratios=()
whole_ratios=()
for round in $(seq 1 "$rounds"); do
  echo "== round $round of $rounds: Java ($("$java" -version 2>&1 | head -1)), $(nproc) cores"
  out=$(mktemp)
  java_whole=$(timed "$out" "$java" -Xmx256m -cp "$classpath" dlfs.chapter6.WeightInitCompare)
  tail -4 "$out"
  "$java" -Xmx256m -cp "target/test-classes:$classpath" dlfs.bench.TrainingLoopBenchmark --workload > "$out"
  tail -2 "$out"
  java_ms=$(sed -n 's/^TrainingLoopBenchmark: \([0-9.]*\) ms.*/\1/p' "$out")
  rm -f "$out"
  echo "== numpy, OpenBLAS on every core"
  read -r np_all_whole np_all_ms < <(numpy_run)
  echo "== numpy, OPENBLAS_NUM_THREADS=1"
  read -r np_one_whole np_one_ms < <(numpy_run OPENBLAS_NUM_THREADS=1)
  read -r loop whole < <(python3 -c "
j, jw = $java_ms, $java_whole
print(f'{j / min($np_all_ms, $np_one_ms):.2f} {jw / min($np_all_whole, $np_one_whole):.2f}')")
  printf 'round %d: loop: Java %.3f ms per net-iteration, numpy %.3f (every core) / %.3f (1 thread): ratio %s\n' \
    "$round" "$java_ms" "$np_all_ms" "$np_one_ms" "$loop"
  printf 'round %d: whole run: Java %.2f s, numpy %.2f s (every core) / %.2f s (1 thread): ratio %s\n' \
    "$round" "$java_whole" "$np_all_whole" "$np_one_whole" "$whole"
  loop_ratios+=("$loop")
  whole_ratios+=("$whole")
done
if [ "$rounds" -gt 1 ]; then
  python3 - "${loop_ratios[*]}" "${whole_ratios[*]}" <<'EOF'
import statistics, sys
for name, values in zip(("loop", "whole run"), sys.argv[1:]):
    r = [float(v) for v in values.split()]
    print(f"{name} ratios {min(r):.2f}..{max(r):.2f}, median {statistics.median(r):.2f}")
EOF
fi
