#!/usr/bin/env bash
# CI check of sharded extraction on a real Slurm (CTest test_slurm, registered in
# tests/CMakeLists.txt): starts a one-node cluster from the Debian packages (munge, slurmctld,
# slurmd, slurm-client) in a temporary folder, without systemd (the daemons are started
# directly and stopped by their process ids), runs scripts/slurm/submit.sh on a make-demo
# dataset (4 shards, array + dependent merge) with one task made to fail: the merge must be
# cancelled, resubmit-failed.sh must resubmit that shard alone, and the merged CSV must equal
# a single-process `extract` byte for byte. Then it removes one shard's CSV and checks that
# resubmit-failed.sh resubmits that shard alone (the others untouched) and the merge is again
# identical.
# Exits 77 (CTest: skipped) when a tool is missing or not run as root.
#
#   tests/test_slurm.sh GENRESCOPE_CLI SOURCE_DIR
set -euo pipefail
CLI=$(realpath "${1:?usage: test_slurm.sh GENRESCOPE_CLI SOURCE_DIR}")
SOURCE_DIR=$(realpath "${2:?usage: test_slurm.sh GENRESCOPE_CLI SOURCE_DIR}")
SLURM_SCRIPTS=$SOURCE_DIR/scripts/slurm

skip() { echo "SKIPPED: $*"; exit 77; }
for tool in munged slurmctld slurmd sbatch sinfo squeue; do
  command -v "$tool" >/dev/null || skip "$tool is not installed (packages munge slurmctld slurmd slurm-client)"
done
[ "$(id -u)" -eq 0 ] || skip "starting a Slurm cluster needs root"

fail() { echo "FAIL: $*" >&2; exit 1; }
started=$(date +%s)
work=$(mktemp -d /tmp/gs-slurm.XXXXXX)
chmod 700 "$work"
pids=()
stop_daemons() {
  # By process id, newest first; then wait until they are gone so the folder can go.
  local pid
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
    pid=${pids[i]}
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  done
}
cleanup() {
  local rc=$?
  stop_daemons
  if [ $rc -ne 0 ] && [ $rc -ne 77 ]; then
    for log in "$work"/*.log "$work"/out/logs/*.out; do
      [ -f "$log" ] && { echo "== $log"; tail -n 20 "$log"; }
    done
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# A port nobody listens on (the kernel picks it), so a real cluster on 6817/6818 is no obstacle.
free_port() {
  /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null \
    || shuf -i 20000-60000 -n 1
}
pid_from() { for _ in $(seq 100); do [ -s "$1" ] && { cat "$1"; return; }; sleep 0.1; done; fail "no pid file $1"; }

echo "== munge"
mkdir -p "$work/state" "$work/spool"
head -c 1024 /dev/urandom >"$work/munge.key"
chmod 400 "$work/munge.key"
munged --force --socket="$work/munge.sock" --key-file="$work/munge.key" --pid-file="$work/munged.pid" \
  --log-file="$work/munged.log" --seed-file="$work/munged.seed" || fail "munged did not start"
pids+=("$(pid_from "$work/munged.pid")")

echo "== slurm.conf"
export SLURM_CONF=$work/slurm.conf
cat >"$SLURM_CONF" <<CONF
ClusterName=gstest
SlurmctldHost=$(hostname -s)
SlurmctldPort=$(free_port)
SlurmdPort=$(free_port)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$work/munge.sock
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/slurmctld.log
SlurmdLogFile=$work/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
MpiDefault=none
ReturnToService=2
$(slurmd -C | head -n 1) State=UNKNOWN
PartitionName=test Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF
grep -E '^(SlurmctldHost|NodeName)' "$SLURM_CONF"

echo "== slurmctld, slurmd"
slurmctld -f "$SLURM_CONF" || fail "slurmctld did not start"
pids+=("$(pid_from "$work/slurmctld.pid")")
slurmd -f "$SLURM_CONF" || fail "slurmd did not start"
pids+=("$(pid_from "$work/slurmd.pid")")
for _ in $(seq 60); do
  [ "$(sinfo -h -o %t 2>/dev/null)" = idle ] && break
  sleep 0.5
done
sinfo
[ "$(sinfo -h -o %t)" = idle ] || fail "the node did not become idle"

echo "== dataset and the single-process reference"
"$CLI" make-demo "$work/data" --per-genre 3 --seconds 3 --wav-only >/dev/null 2>&1
"$CLI" extract "$work/data" --out "$work/single.csv" --clip 0 -j 2 --quiet

echo "== submit.sh: array of 4 shards (2 at once) and the dependent merge; task 1 fails"
# A stand-in for a node crash: the CLI wrapper fails shard 1 while the flag file exists.
touch "$work/fail-shard-1"
cat >"$work/cli-wrapper" <<WRAPPER
#!/bin/bash
if [ -e "$work/fail-shard-1" ] && [[ " \$* " == *" --shard 1/4 "* ]]; then echo "simulated crash" >&2; exit 3; fi
exec "$CLI" "\$@"
WRAPPER
chmod +x "$work/cli-wrapper"
export GENRESCOPE_CLI=$work/cli-wrapper
if "$SLURM_SCRIPTS/submit.sh" --shards 4 --throttle 2 --cpus 1 --time 10 --out "$work/out" --wait "$work/data" -- --clip 0; then
  fail "the merge ran although task 1 failed"
fi
ls "$work/out/logs"
for i in 0 2 3; do
  [ -f "$work/out/part-$i.shard.json" ] || fail "shard $i has no record"
done
[ ! -e "$work/out/part-1.shard.json" ] || fail "the failed shard 1 has a record"
[ ! -e "$work/out/features.csv" ] || fail "a merge was written without shard 1"

echo "== resubmit-failed.sh: shard 1 alone, then the merge"
rm "$work/fail-shard-1"
"$SLURM_SCRIPTS/resubmit-failed.sh" "$work/out" --wait | tee "$work/resubmit.txt"
grep -q "resubmitted shard(s) 1 of 4" "$work/resubmit.txt" || fail "resubmit-failed.sh did not pick shard 1 alone"
cmp "$work/single.csv" "$work/out/features.csv" || fail "the merged CSV differs from the single run"
echo "merged == single run ($(($(wc -l <"$work/single.csv") - 1)) songs)"

echo "== remove shard 2's CSV; resubmit-failed.sh resubmits it alone"
rm "$work/out/part-2.csv" "$work/out/features.csv"
count_logs() { local logs=("$work"/out/logs/extract-*.out); echo ${#logs[@]}; }
before=$(count_logs)
stat -c '%Y %n' "$work/out"/part-[013].csv >"$work/mtimes.before"
"$SLURM_SCRIPTS/resubmit-failed.sh" "$work/out" --wait | tee "$work/resubmit.txt"
grep -q "resubmitted shard(s) 2 of 4" "$work/resubmit.txt" || fail "resubmit-failed.sh did not pick shard 2 alone"
after=$(count_logs)
[ "$after" -eq $((before + 1)) ] || fail "expected one more extraction task, found $((after - before))"
job=$(sed -n 's/^GS_JOB=//p' "$work/out/job.env")
[ -f "$work/out/logs/extract-${job}_2.out" ] || fail "no log of the resubmitted task 2 (job $job)"
stat -c '%Y %n' "$work/out"/part-[013].csv | cmp - "$work/mtimes.before" || fail "complete shards were rewritten"
cmp "$work/single.csv" "$work/out/features.csv" || fail "the merge after the resubmission differs from the single run"
"$SLURM_SCRIPTS/resubmit-failed.sh" "$work/out" | grep -q "all 4 shards are complete" || fail "resubmit-failed.sh found work left"

echo "PASS in $(($(date +%s) - started)) s"
