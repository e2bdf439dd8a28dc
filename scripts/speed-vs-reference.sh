#!/usr/bin/env bash
# Seconds per epoch of dclust against the independent Python DCSS (../shared/reference/dcss_ref.py,
# Debian's torch), in one sitting, alternating rounds, on the same data and batch: the first N
# Fashion-MNIST images (train + test, train first), batch 500 in every phase, the MLP autoencoder
# 784-500-500-2000-10. Per round and thread count (1, then 2): the script's --microbench (3 pretraining
# epochs, 1 DCSS phase-1 epoch, 3 MNet epochs on p p^T) and a dclust run of the same phases
# (dcss + mnet: 3 pretraining epochs, 1 phase-1 epoch, 3 MNet epochs in the u space, no cache). Prints
# the medians over every epoch of every round and the ratios dclust / script (issue 14's acceptance).
#
#   scripts/speed-vs-reference.sh [OUT_DIR]        ROUNDS (default 2), N (default 10000), THREADS ("1 2")
#
# Run it on a quiet machine: another busy process moves single epochs by tens of percent.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-$here/runs/speed-vs-reference}"
rounds="${ROUNDS:-2}"
n="${N:-10000}"
threads_list="${THREADS:-1 2}"
who=speed-vs-reference
. "$here/scripts/reference-env.sh"
mkdir -p "$out"

for r in $(seq 1 "$rounds"); do
  for t in $threads_list; do
    if [ ! -s "$out/ref-r$r-t$t.json" ]; then
      echo "speed-vs-reference: round $r, $t thread(s): dcss_ref.py" >&2
      OMP_NUM_THREADS="$t" "$py" "$ref" --microbench --arch mlp --n "$n" --batch 500 --pretrain-epochs 3 \
        --phase1-epochs 1 --phase2-epochs 3 --threads "$t" --seed 0 > "$out/ref-r$r-t$t.log"
      tail -n 1 "$out/ref-r$r-t$t.log" > "$out/ref-r$r-t$t.json"
    fi
    if [ ! -s "$out/dclust-r$r-t$t/result.json" ]; then
      echo "speed-vs-reference: round $r, $t thread(s): dclust" >&2
      rm -rf "$out/dclust-r$r-t$t"
      DCLUST_JAVA_OPTS="-Xmx8g -Dai.djl.pytorch.num_threads=$t" "$here/dclust" run --dataset fashion-mnist \
        --set fashion-mnist.n="$n" --set fashion-mnist.subset=first --learner dcss --refiner mnet \
        --set dcss.batchSize=500 --set dcss.pretrainEpochs=3 --set dcss.epochs=1 \
        --set mnet.batchSize=500 --set mnet.epochs=3 --set mnet.uEpochs=3 \
        --seed 1 --no-cache --no-tsne --out "$out/dclust-r$r-t$t" > "$out/dclust-r$r-t$t.log" 2>&1
    fi
  done
done

"$py" - "$out" "$rounds" $threads_list <<'PY'
import json, statistics, sys
out, rounds, threads = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
phases = (("pretraining", "ae_epoch_s", "pretrain"), ("DCSS phase 1", "phase1_epoch_s", "dcss"), ("MNet", "phase2_epoch_s", "mnet"))
rows = {}
for t in threads:
    for label, ref_key, ours_key in phases:
        ref, ours = [], []
        for r in range(1, rounds + 1):
            ref += json.load(open(f"{out}/ref-r{r}-t{t}.json"))[ref_key]
            run = json.load(open(f"{out}/dclust-r{r}-t{t}/result.json"))
            ours += [e["seconds"] for e in run["volatile"]["epochs"][ours_key]]
        rows[(t, label)] = (statistics.median(ref), statistics.median(ours), len(ref), len(ours))
print(f"\nSeconds per epoch, first N Fashion-MNIST images, batch 500, {rounds} alternating rounds (medians over epochs)\n")
print("| phase | threads | dcss_ref.py | dclust | dclust / script |")
print("|---|---|---|---|---|")
for (t, label), (ref, ours, nr, no) in rows.items():
    print(f"| {label} | {t} | {ref:.3f} ({nr}) | {ours:.3f} ({no}) | {ours / ref:.2f} |")
best = {label: min(rows[(t, label)][0] for t in threads) for label, _, _ in phases}
print("\n| phase | dclust at each thread count / the script at its best thread count |")
print("|---|---|")
for label, _, _ in phases:
    print(f"| {label} | " + ", ".join(f"{t}: {rows[(t, label)][1] / best[label]:.2f}" for t in threads) + " |")
PY
