#!/usr/bin/env bash
# TrainConvnet against numpy, side by side on this machine (book §7.5, ch07/train_convnet.py: SimpleConvNet on
# MNIST, 20 epochs of 600 steps, batch 100, Adam lr 0.001). The Java side is the whole run of
# dlfs.chapter7.TrainConvnet, timed from JVM start to exit in a 1 GB heap: MNIST loading, 12 000 steps, the
# accuracies of every epoch and the final one on 10 000 test images, saving the parameters and the figure. The
# numpy side is the book's own training step (bench/convnet_step.py: its layers, Adam and train_step) timed over
# --steps steps after a warm-up, times 12 000, at numpy's better thread setting (OpenBLAS on every core, or on one),
# measured before and after the Java run; the mean of the two is used. Prints the ratio Java / numpy.
#
# usage: bench/convnet-vs-numpy.sh [--epochs N] [--steps N] [--keep FILE]
#   --epochs N   epochs of the Java run (default 20, the script's); numpy's time is then its step × N × 600
#   --steps N    numpy steps timed per measurement (default 200)
#   --keep FILE  also copy everything the Java run printed to FILE (to compare its losses with the book's)
# environment:
#   DLFS_MNIST_DIR  the folder with the four MNIST .gz files, for both sides (default ./mnist)
#   JAVA_HOME       the JDK that runs the Java side (default: java on the PATH)
#   JAVA_OPTS       more options for the Java run (e.g. -Ddlfs.threads=1 or -Ddlfs.matmul=naive)
set -euo pipefail
cd "$(dirname "$0")/.."

epochs=20
steps=200
keep=
while [ $# -gt 0 ]; do
  case "$1" in
    --epochs) epochs="${2:?--epochs needs a number}"; shift 2 ;;
    --steps) steps="${2:?--steps needs a number}"; shift 2 ;;
    --keep) keep="${2:?--keep needs a file name}"; shift 2 ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) echo "convnet-vs-numpy.sh: unknown option '$1' (allowed: --epochs N, --steps N, --keep FILE, --help)" >&2
       exit 2 ;;
  esac
done
for v in "$epochs" "$steps"; do
  case "$v" in ''|*[!0-9]*|0) echo "convnet-vs-numpy.sh: $v is not allowed (give a whole number >= 1)" >&2; exit 2 ;; esac
done

mnist="${DLFS_MNIST_DIR:-mnist}"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mvn -q -B compile
mvn -q -B dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" >/dev/null
cp="target/classes:$(cat "$work/cp.txt")"

# numpy's ms per step from its RESULT line; "$@": extra environment (the OpenBLAS tuning variables are unset)
numpy_ms() {
  local out
  out=$(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE -u OPENBLAS_NUM_THREADS "$@" \
          python3 bench/convnet_step.py --steps "$steps" --mnist "$mnist")
  grep '^RESULT' <<<"$out" >&2
  sed -n 's/^RESULT ms_per_step=\([0-9.]*\).*/\1/p' <<<"$out"
}

echo "== numpy before (the book's step, $steps steps timed): every core, then OPENBLAS_NUM_THREADS=1"
all1=$(numpy_ms)
one1=$(numpy_ms OPENBLAS_NUM_THREADS=1)

echo "== Java: TrainConvnet --epochs $epochs, whole run ($("$java" -version 2>&1 | head -1))"
start=$(date +%s.%N)
# shellcheck disable=SC2086
"$java" -Xmx1g ${JAVA_OPTS:-} -Ddlfs.mnist.dir="$mnist" -Ddlfs.figures="$work" -cp "$cp" dlfs.chapter7.TrainConvnet \
  --epochs "$epochs" --params "$work/params.pkl" > "$work/java.txt"
end=$(date +%s.%N)
if [ -n "$keep" ]; then cp "$work/java.txt" "$keep"; fi
head -3 "$work/java.txt"
echo "…"
grep -v '^train loss:' "$work/java.txt" | tail -6

echo "== numpy after"
all2=$(numpy_ms)
one2=$(numpy_ms OPENBLAS_NUM_THREADS=1)

python3 - "$start" "$end" "$epochs" "$all1" "$all2" "$one1" "$one2" <<'EOF'
import sys
start, end, epochs, a1, a2, o1, o2 = (float(v) for v in sys.argv[1:])
java_s = end - start
iters = int(epochs) * 600
numpy_all, numpy_one = (a1 + a2) / 2, (o1 + o2) / 2
best = min(numpy_all, numpy_one)
numpy_s = best * iters / 1000
print(f"Java TrainConvnet --epochs {int(epochs)}: {java_s:.1f} s from JVM start to exit ({java_s * 1000 / iters:.1f} ms"
      f" per step, everything included)")
print(f"numpy step: {numpy_all:.1f} ms (every core; {a1:.1f} before, {a2:.1f} after) / {numpy_one:.1f} ms (1 thread;"
      f" {o1:.1f}, {o2:.1f}); x {iters} steps = {numpy_s:.1f} s at the better setting")
print(f"ratio Java / numpy: {java_s / numpy_s:.2f}")
EOF
