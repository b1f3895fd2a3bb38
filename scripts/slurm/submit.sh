#!/bin/bash
# Submits a sharded feature extraction to Slurm: an array job (one task per shard, at most K
# running at once) and a merge job that starts when every task succeeded
# (--dependency=afterok) and is cancelled if one fails (--kill-on-invalid-dep=yes; then run
# resubmit-failed.sh). See docs/slurm.md.
#
#   scripts/slurm/submit.sh --shards N --out DIR [--throttle K] [--cpus C] [--time T] [--wait]
#                           INPUT... [-- EXTRACT OPTIONS]
#
# Writes DIR/part-I.{csv,log,shard.json}, DIR/logs/ and DIR/job.env (what resubmit-failed.sh
# needs); the merged table is DIR/features.csv. Other sbatch settings come from Slurm's own
# environment variables (SBATCH_PARTITION, SBATCH_ACCOUNT, SBATCH_QOS, ...).
# GENRESCOPE_CLI names the genrescope-cli to run (default: the one on PATH).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=scripts/slurm/lib.sh
source "$here/lib.sh"

usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0" >&2; exit 2; }
shards="" outdir="" throttle=8 cpus=4 timelimit=04:00:00 wait=""
inputs=() extract=()
while [ $# -gt 0 ]; do
  case $1 in
    --shards) shards=${2:?}; shift 2 ;;
    --out) outdir=${2:?}; shift 2 ;;
    --throttle) throttle=${2:?}; shift 2 ;;
    --cpus) cpus=${2:?}; shift 2 ;;
    --time) timelimit=${2:?}; shift 2 ;;
    --wait) wait=--wait; shift ;;
    --) shift; extract=("$@"); break ;;
    -h|--help) usage ;;
    -*) echo "unknown option $1" >&2; usage ;;
    *) inputs+=("$(realpath -e "$1")") || { echo "no such input: $1" >&2; exit 2; }; shift ;;
  esac
done
[[ $shards =~ ^[1-9][0-9]*$ ]] || { echo "--shards N (a positive number) is required" >&2; usage; }
[[ $throttle =~ ^[1-9][0-9]*$ ]] || { echo "--throttle K must be a positive number" >&2; usage; }
[ -n "$outdir" ] || { echo "--out DIR is required" >&2; usage; }
[ ${#inputs[@]} -gt 0 ] || { echo "no INPUT folder or file given" >&2; usage; }
cli=$(command -v "${GENRESCOPE_CLI:-genrescope-cli}") || { echo "genrescope-cli not found (set GENRESCOPE_CLI)" >&2; exit 2; }

mkdir -p "$outdir/logs"
outdir=$(realpath "$outdir")
export GENRESCOPE_CLI=$cli
jobs=$(sbatch --parsable --array="0-$((shards - 1))%$throttle" --cpus-per-task="$cpus" --time="$timelimit" \
  --output="$outdir/logs/extract-%A_%a.out" \
  "$here/extract-array.sbatch" "$shards" "$outdir" "${inputs[@]}" "${extract[@]}")
jobs=${jobs%%;*}
{
  printf 'GS_SHARDS=%q\nGS_THROTTLE=%q\nGS_CPUS=%q\nGS_TIME=%q\nGENRESCOPE_CLI=%q\nGS_JOB=%q\n' \
    "$shards" "$throttle" "$cpus" "$timelimit" "$cli" "$jobs"
  printf 'GS_ARGS=('; printf '%q ' "${inputs[@]}" "${extract[@]}"; printf ')\n'
} >"$outdir/job.env"
echo "extraction: job $jobs, shards 0-$((shards - 1)), at most $throttle at once"
submit_merge "$outdir" "$jobs" "$wait"
