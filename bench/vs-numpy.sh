#!/usr/bin/env bash
# Java against numpy on the same training loop, back to back on this machine: the WeightInitCompare workload
# of book §6.2.4 (MNIST, batch 128, 784-[100x4]-10 ReLU, He init, SGD lr 0.01; one iteration = draw a batch,
# gradient, update, loss). Prints Java's ms per net-iteration over numpy's at numpy's better thread setting
# (OpenBLAS on every core, or on one): each the mean over its timed iterations after a warm-up, Java's from
# TrainingLoopBenchmark on its default thread count (one per core), numpy's from numpy_workload.py
# --book-dtype --book-wd.
#
# usage: bench/vs-numpy.sh [--rounds N]
#   --rounds N   run Java, numpy (all cores), numpy (1 thread) N times in turn, and print the median ratio
# environment:
#   NUMPY_WORKLOAD  the numpy script (default ../shared/bench/numpy_workload.py)
#   DLFS_MNIST_DIR  the folder with the four MNIST .gz files, for both sides (default ./mnist)
#   JAVA_HOME       the JDK that runs the Java side (default: java on the PATH)
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

workload="${NUMPY_WORKLOAD:-../shared/bench/numpy_workload.py}"
mnist="${DLFS_MNIST_DIR:-mnist}"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
[ -f "$workload" ] || { echo "vs-numpy.sh: numpy workload $workload not found (set NUMPY_WORKLOAD)" >&2; exit 2; }
export DLFS_MNIST_DIR="$mnist"

mvn -q -B test-compile

# numpy's ms per iteration (the mean over its timed iterations) from its RESULT line, which goes to stderr;
# the OpenBLAS tuning variables are unset, as the script's header asks. "$@": extra environment.
numpy_ms() {
  local out
  out=$(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE -u OPENBLAS_NUM_THREADS "$@" \
          python3 "$workload" --book-dtype --book-wd --mnist "$mnist")
  grep '^RESULT' <<<"$out" >&2
  sed -n 's/^RESULT .* next[0-9]*_ms_per_iter=\([0-9.]*\).*/\1/p' <<<"$out"
}

ratios=()
for round in $(seq 1 "$rounds"); do
  echo "== round $round of $rounds: Java ($("$java" -version 2>&1 | head -1))"
  out=$(mvn -q -B exec:exec -Dexec.classpathScope=test -Dexec.executable="$java" \
          -Dexec.args="-cp %classpath dlfs.bench.TrainingLoopBenchmark --quick")
  echo "$out"
  java_ms=$(sed -n 's/^TrainingLoopBenchmark: \([0-9.]*\) ms.*/\1/p' <<<"$out")
  echo "== numpy, OpenBLAS on every core"
  np_all=$(numpy_ms)
  echo "== numpy, OPENBLAS_NUM_THREADS=1"
  np_one=$(numpy_ms OPENBLAS_NUM_THREADS=1)
  ratio=$(python3 -c "j=$java_ms; a=$np_all; o=$np_one; b=min(a, o); print(f'{j/b:.2f}')")
  printf 'round %d: Java %.3f ms per net-iteration; numpy %.3f (every core) / %.3f (1 thread); ratio Java/numpy %s\n' \
    "$round" "$java_ms" "$np_all" "$np_one" "$ratio"
  ratios+=("$ratio")
done
if [ "$rounds" -gt 1 ]; then
  python3 -c "import statistics, sys; r=[float(v) for v in sys.argv[1:]]; print(f'ratios {min(r):.2f}..{max(r):.2f}, median {statistics.median(r):.2f}')" "${ratios[@]}"
fi
