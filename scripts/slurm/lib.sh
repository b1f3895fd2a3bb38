# shellcheck shell=bash
# Shared by submit.sh and resubmit-failed.sh (sourced, not run).

# $here is the scripts folder of the sourcing script.

# submit_merge OUTDIR JOBID [--wait]: a merge job that starts when every task of JOBID
# succeeded and is cancelled when one failed. Prints its job id. With --wait, blocks until it
# ends and fails unless it completed: sbatch --wait alone reports 0 for a job cancelled
# before it started.
submit_merge() {
  local outdir=$1 after=$2 wait=${3:-} merge state
  # shellcheck disable=SC2154 # here: set by the sourcing script
  merge=$(sbatch --parsable --dependency="afterok:$after" --kill-on-invalid-dep=yes \
    --output="$outdir/logs/merge-%j.out" ${wait:+--wait} "$here/merge.sbatch" "$outdir")
  merge=${merge%%;*}
  echo "merge: job $merge -> $outdir/features.csv (once all shards succeeded)"
  [ -z "$wait" ] && return 0
  state=$(scontrol show job "$merge" -o 2>/dev/null | grep -o 'JobState=[A-Z_]*' || true)
  if [ "$state" != JobState=COMPLETED ] || [ ! -f "$outdir/features.csv" ]; then
    echo "merge job $merge did not complete (${state:-state unknown}); see $outdir/logs and run" \
      "$here/resubmit-failed.sh $outdir" >&2
    return 1
  fi
}
