#!/usr/bin/env bash
# A study of many hours (the 70,000-image Table 4 grid: 13-16 h on 2 cores) run from ONE fixed commit,
# in the background, across sittings and across machines that keep nothing but this repository.
#
#   scripts/long-study.sh start STUDY_FILE COMMIT [--share-cache OTHER] [--threads N]
#                                                   build COMMIT in a worktree and run (or resume) the study;
#                                                   --share-cache links the finished pretrainings and phase-1
#                                                   results of study OTHER, run from the same COMMIT;
#                                                   --threads gives it N libtorch threads (default: the
#                                                   launcher's, all cores). Two studies at once on a 2-core
#                                                   machine: --threads 1 each (one 2-thread run is only about
#                                                   1.3x one thread, README "Speed"); a cell's result.json
#                                                   records its thread count, which changes summation order
#   scripts/long-study.sh harvest STUDY_NAME        copy its finished cells into studies/results/STUDY_NAME
#   scripts/long-study.sh status STUDY_NAME         finished cells, whether it runs, the log's last lines
#
# Working state lives in .long-studies/NAME/ (ignored by git): repo/ (a detached worktree at COMMIT,
# never rebuilt from newer sources), out/ (the study directory: checkpoints, the phase-1 cache) and log.
# What must survive a new machine is committed: studies/results/NAME/commit (the commit every cell ran
# from) and each finished cell's result.json (cells/DATASET/PIPELINE/seedS/result.json, without its
# per-sample series) with the study's results.{md,csv,json}. `start` first copies the committed result.json files back into out/, and the
# study keeps a finished cell whose result.json records the identity the cell has now (StudyRunner), so
# a restarted study trains only what is missing. A cell that had not finished starts again from its
# last checkpoint on the same machine, from nothing on a new one.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
die() { echo "long-study: $*" >&2; exit 2; }
[ $# -ge 2 ] || die "usage: $0 start STUDY_FILE COMMIT [--share-cache STUDY_NAME] [--threads N] | harvest STUDY_NAME | status STUDY_NAME"

# The finished cells' result.json files under a study directory, relative to it (none: nothing).
finished_cells() { if [ -d "$1/cells" ]; then (cd "$1" && find cells -name result.json | sort); fi; }

# Copies a result.json (or a study's results.json) without the per-sample series of its runs
# (volatile.series: MNet's qResidual is 1.6 MB at 70,000 samples); metrics, identity and the per-epoch
# values stay, and a study reads such a result.json as a finished cell.
without_series() {
  python3 - "$1" "$2" <<'PY'
import json, sys
def strip(run):
    if isinstance(run, dict) and isinstance(run.get("volatile"), dict):
        run["volatile"].pop("series", None)
doc = json.load(open(sys.argv[1]))
strip(doc)
for run in doc.get("runs", []) if isinstance(doc, dict) else []:
    strip(run)
with open(sys.argv[2], "w") as out:
    json.dump(doc, out, indent=2)
    out.write("\n")
PY
}

study_name() { sed -n 's/^name:[[:space:]]*//p' "$1" | head -n 1 | tr -d '"'"'"; }

case "$1" in
start)
  [ $# -ge 3 ] && [[ "$2" != --* ]] && [[ "$3" != --* ]] || die "usage: $0 start STUDY_FILE COMMIT [--share-cache STUDY_NAME] [--threads N] (the study file and the commit come first)"
  file="$2"
  commit_arg="$3"
  share=""
  threads=""
  shift 3
  while [ $# -gt 0 ]; do
    case "$1" in
      --share-cache)
        [ $# -ge 2 ] && [ -z "$share" ] || die "--share-cache needs one study name, given once"
        share="$2"; shift 2 ;;
      --threads)
        [ $# -ge 2 ] && [ -z "$threads" ] && [[ "$2" =~ ^[1-9][0-9]*$ ]] || die "--threads needs a whole number of threads, 1 or more, given once"
        threads="$2"; shift 2 ;;
      *) die "unknown option $1 (the options are --share-cache STUDY_NAME and --threads N)" ;;
    esac
  done
  [ -f "$root/$file" ] || die "no study file $file (a path relative to the repository root)"
  commit="$(git -C "$root" rev-parse --verify "$commit_arg^{commit}" 2>/dev/null)" || die "no commit $commit_arg in this repository"
  name="$(study_name "$root/$file")"
  [ -n "$name" ] || die "$file has no name:"
  record="$root/studies/results/$name"
  if [ -f "$record/commit" ] && [ "$(cat "$record/commit")" != "$commit" ]; then
    die "studies/results/$name holds cells run from $(cat "$record/commit"), not $commit: one study, one commit (move that folder away to start over)"
  fi
  work="$root/.long-studies/$name"
  mkdir -p "$work/out"
  if [ -f "$work/pid" ] && kill -0 "$(cat "$work/pid")" 2>/dev/null; then
    die "$name already runs (pid $(cat "$work/pid")); see $0 status $name"
  fi
  if [ ! -d "$work/repo" ]; then
    git -C "$root" worktree prune
    git -C "$root" worktree add -q --detach "$work/repo" "$commit"
  fi
  [ "$(git -C "$work/repo" rev-parse HEAD)" = "$commit" ] || die "$work/repo is not at $commit: delete it and start again"
  finished_cells "$record" | while read -r f; do
    if [ ! -f "$work/out/$f" ]; then
      mkdir -p "$work/out/$(dirname "$f")"
      cp "$record/$f" "$work/out/$f"
    fi
  done
  # a study takes a directory holding its study.yaml as its own: restored cells and a carried-over
  # cache are not "other files"
  if [ -n "$share" ]; then
    from="$root/.long-studies/$share/out/cache"
    [ -d "$from" ] || die "no cache of study $share to share ($from is missing)"
    [ "$(cat "$root/studies/results/$share/commit" 2>/dev/null)" = "$commit" ] \
      || die "study $share did not run from $commit: a cache entry is shared only between studies of one commit"
    # Complete entries only (a pretraining is written as a whole directory, a phase 1 writes its epochs.json last),
    # hard-linked: entries are written once and never changed in place.
    for entry in "$from"/pretrain/* "$from"/phase1/*; do
      [ -f "$entry/adam/meta.json" ] || [ -f "$entry/epochs.json" ] || continue
      kind="$(basename "$(dirname "$entry")")"
      if [ ! -e "$work/out/cache/$kind/$(basename "$entry")" ]; then
        mkdir -p "$work/out/cache/$kind"
        cp -al "$entry" "$work/out/cache/$kind/"
      fi
    done
  fi
  # The study file comes from this checkout, so a study may be added (or grow seeds) after the commit its code
  # comes from; the study keeps every finished cell whose identity is unchanged.
  cp "$root/$file" "$work/out/study.yaml"
  if grep -q 'fashion-mnist' "$work/out/study.yaml" && [ ! -d /usr/share/datasets/fashion-mnist ]; then
    echo "long-study: installing dataset-fashion-mnist (Debian) for $name" >&2
    sudo_=""; [ "$(id -u)" -ne 0 ] && sudo_="sudo"
    $sudo_ apt-get install -y dataset-fashion-mnist >&2 || die "could not install dataset-fashion-mnist"
  fi
  # data sets a script of this checkout writes under data/ (scripts/get-mnist-10k.sh): written here once,
  # and the worktree reads this checkout's data/
  if grep -q 'data/mnist-10k' "$work/out/study.yaml"; then
    "$root/scripts/get-mnist-10k.sh" "$root/data/mnist-10k" >&2 || die "could not write data/mnist-10k"
  fi
  if [ -d "$root/data" ] && [ ! -e "$work/repo/data" ]; then
    ln -s "$root/data" "$work/repo/data"
  fi
  mkdir -p "$record"
  echo "$commit" > "$record/commit"
  echo "$file" > "$work/file"
  # a restart keeps the thread count the study was started with (it changes summation order)
  if [ -z "$threads" ] && [ -f "$work/threads" ]; then
    threads="$(cat "$work/threads")"
    echo "long-study: $name resumes with --threads $threads, as it was started" >&2
  fi
  if [ -n "$threads" ]; then echo "$threads" > "$work/threads"; fi
  cd "$work/repo"
  if [ -n "$threads" ]; then
    export DCLUST_JAVA_OPTS="${DCLUST_JAVA_OPTS:--Xmx8g} -Dai.djl.pytorch.num_threads=$threads"
  fi
  # the checkout's study file itself (dclust copies it into out/study.yaml): paths in it, such as beside's
  # results files, are relative to its folder, studies/
  nohup bash -c "echo \"== \$(date -u +%FT%TZ) start at $commit\"; exec ./dclust study '$root/$file' --out '$work/out' --epoch-lines 1" >> "$work/log" 2>&1 &
  echo $! > "$work/pid"
  echo "long-study: $name runs from $commit (pid $!); log $work/log"
  ;;
harvest)
  name="$2"
  work="$root/.long-studies/$name"
  record="$root/studies/results/$name"
  [ -d "$work/out" ] || die "nothing ran here for $name ($work/out is missing)"
  n=0
  while read -r f; do
    mkdir -p "$record/$(dirname "$f")"
    without_series "$work/out/$f" "$record/$f"
    n=$((n + 1))
  done < <(finished_cells "$work/out")
  for r in results.md results.csv; do
    if [ -f "$work/out/$r" ]; then cp "$work/out/$r" "$record/$r"; fi
  done
  if [ -f "$work/out/results.json" ]; then without_series "$work/out/results.json" "$record/results.json"; fi
  echo "long-study: $n finished cells of $name in studies/results/$name (commit them)"
  ;;
status)
  name="$2"
  work="$root/.long-studies/$name"
  running=no
  if [ -f "$work/pid" ] && kill -0 "$(cat "$work/pid")" 2>/dev/null; then running="yes (pid $(cat "$work/pid"))"; fi
  done_here=$(finished_cells "$work/out" | wc -l)
  done_kept=$(finished_cells "$root/studies/results/$name" | wc -l)
  echo "long-study: $name: running $running; finished cells here $done_here, committed $done_kept"
  if [ -f "$work/log" ]; then tail -n 5 "$work/log"; fi
  ;;
*)
  die "unknown command $1: start, harvest or status"
  ;;
esac
