#!/bin/bash
# Resubmits only the shards of a sharded extraction that are not complete (no
# part-I.shard.json or no part-I.csv beside it: the task failed, hit its time limit, was
# cancelled, or its output was removed), then a merge that depends on them. Refuses while
# tasks of the last submission are still queued or running.
#
#   scripts/slurm/resubmit-failed.sh DIR [--wait]
#
# DIR is the --out folder of submit.sh (its job.env holds the shard count and the arguments).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=scripts/slurm/lib.sh
source "$here/lib.sh"
outdir=${1:?usage: resubmit-failed.sh DIR [--wait]}
outdir=$(realpath "$outdir")
wait=""
[ "${2:-}" = --wait ] && wait=--wait
[ -f "$outdir/job.env" ] || { echo "$outdir/job.env not found: was DIR made by submit.sh?" >&2; exit 2; }
# shellcheck source=/dev/null
source "$outdir/job.env"
export GENRESCOPE_CLI

if [ -n "$(squeue -h -j "$GS_JOB" -t PENDING,RUNNING,CONFIGURING,COMPLETING,SUSPENDED -o %i 2>/dev/null)" ]; then
  echo "job $GS_JOB still has tasks queued or running; wait for it or scancel it first" >&2
  exit 1
fi
missing=()
for ((i = 0; i < GS_SHARDS; i++)); do
  if [ ! -f "$outdir/part-$i.shard.json" ] || [ ! -f "$outdir/part-$i.csv" ]; then
    missing+=("$i")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "all $GS_SHARDS shards are complete; merge with: sbatch ${here}/merge.sbatch $outdir"
  exit 0
fi
list=$(IFS=,; echo "${missing[*]}")
jobs=$(sbatch --parsable --array="$list%$GS_THROTTLE" --cpus-per-task="$GS_CPUS" --time="$GS_TIME" \
  --output="$outdir/logs/extract-%A_%a.out" \
  "$here/extract-array.sbatch" "$GS_SHARDS" "$outdir" "${GS_ARGS[@]}")
jobs=${jobs%%;*}
sed -i "s/^GS_JOB=.*/GS_JOB=$jobs/" "$outdir/job.env"
echo "resubmitted shard(s) $list of $GS_SHARDS: job $jobs"
submit_merge "$outdir" "$jobs" "$wait"
