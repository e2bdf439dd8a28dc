#!/usr/bin/env bash
# Parity with the yardstick: runs ../shared/reference/dcss_ref.py (an independent Python DCSS) and
# `dclust study studies/parity-reference.yaml` on the same data, schedule and seeds, then prints both
# side by side (ACC/NMI after phase 1 and after MNet, seconds per epoch per phase).
#
#   scripts/reference-parity.sh [OUT_DIR]        (default runs/parity-reference)
#
# Environment: REF (path of dcss_ref.py, default ../shared/reference/dcss_ref.py next to the repo),
# SEEDS (default "0 1 2"), THREADS (libtorch/torch threads per side, default 1; the two sides run one
# after the other). Resumable: a seed whose reference summary exists is not run again, and the dclust
# study skips its finished cells. Installs Debian's python3-torch, -sklearn, -scipy and the
# Fashion-MNIST package when they are missing (needs root or sudo).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$here/runs/parity-reference}"
seeds="${SEEDS:-0 1 2}"
threads="${THREADS:-1}"
who=reference-parity
. "$here/scripts/reference-env.sh"
mkdir -p "$out"

for s in $seeds; do
  if [ ! -s "$out/ref-seed$s.json" ]; then
    echo "reference-parity: dcss_ref.py seed $s" >&2
    OMP_NUM_THREADS="$threads" "$py" "$ref" --arch mlp --n 10000 --pretrain-epochs 20 --phase1-epochs 5 \
      --phase2-epochs 10 --batch 500 --seed "$s" --threads "$threads" > "$out/ref-seed$s.log"
    tail -n 1 "$out/ref-seed$s.log" > "$out/ref-seed$s.json.tmp" && mv "$out/ref-seed$s.json.tmp" "$out/ref-seed$s.json"
  fi
done

seed_list="[$(echo $seeds | tr ' ' ',')]"
sed "s/^seeds: .*/seeds: $seed_list/" "$here/studies/parity-reference.yaml" > "$out/parity-reference.yaml"
DCLUST_JAVA_OPTS="${DCLUST_JAVA_OPTS:--Xmx8g} -Dai.djl.pytorch.num_threads=$threads" \
  "$here/dclust" study "$out/parity-reference.yaml" --out "$out/dclust"

"$py" - "$out" $seeds <<'PY'
import json, statistics, sys
out, seeds = sys.argv[1], sys.argv[2:]
ref = [json.load(open(f"{out}/ref-seed{s}.json")) for s in seeds]
runs = json.load(open(f"{out}/dclust/results.json"))["runs"]
def cell(refiner, seed):
    for r in runs:
        if r["cell"].endswith(f"/dcss+{refiner}/seed{seed}"):
            return r
    raise SystemExit(f"no dclust run dcss+{refiner} seed {seed} in {out}/dclust/results.json")
def mean_sd(xs):
    return f"{100 * statistics.mean(xs):.2f} ± {100 * (statistics.stdev(xs) if len(xs) > 1 else 0):.2f}"
def med(xs):
    return f"{statistics.median(xs):.2f}"
print(f"\nParity on the first 10,000 Fashion-MNIST images, 20/5/10 epochs, batch 500, seeds {' '.join(seeds)}\n")
print("| | dcss_ref.py ACC | dclust ACC | dcss_ref.py NMI | dclust NMI |")
print("|---|---|---|---|---|")
for label, key, refiner in (("DCSS phase 1 (argmax membership; dclust dcss + centroid)", "phase1", "centroid"),
                            ("DCSS (argmax q; dclust dcss + mnet)", "phase2", "mnet")):
    d = [cell(refiner, s)["metrics"] for s in seeds]
    print(f"| {label} | {mean_sd([r[key]['acc'] for r in ref])} | {mean_sd([x['acc'] for x in d])} "
          f"| {mean_sd([r[key]['nmi'] for r in ref])} | {mean_sd([x['nmi'] for x in d])} |")
print("\n| seconds per epoch (median over seeds) | dcss_ref.py | dclust |")
print("|---|---|---|")
for label, key, phase, refiner in (("pretraining", "pretrain_epoch_s_median", "pretrain", "centroid"),
                                   ("DCSS phase 1", "phase1_epoch_s_median", "dcss", "centroid"),
                                   ("MNet", "phase2_epoch_s_median", "mnet", "mnet")):
    ours = [cell(refiner, s)["volatile"]["secondsPerEpoch"].get(phase) for s in seeds]
    ours = [x for x in ours if x is not None]
    print(f"| {label} | {med([r[key] for r in ref])} | {med(ours) if ours else 'cached'} |")
PY
