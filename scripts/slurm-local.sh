#!/usr/bin/env bash
# A one-node Slurm on this machine, to try `ganiqa compare --executor slurm` and to run its real test.
#   scripts/slurm-local.sh up      install slurmctld, slurmd, slurm-client and munge (Debian 12: Slurm 22.05) when
#                                  missing, write a one-node slurm.conf (this machine's CPUs and memory, no cgroups),
#                                  start munged, slurmctld and slurmd, wait until sinfo shows the node idle
#   scripts/slurm-local.sh down    stop exactly the daemons `up` started (by the PIDs in their pid files)
#   scripts/slurm-local.sh status  the daemons' PIDs and sinfo
# Everything lives in ${GANIQA_SLURM_DIR:-/tmp/ganiqa-slurm} (conf, state, spool, logs, pids). Idempotent.
# The commands that talk to this Slurm need SLURM_CONF=$GANIQA_SLURM_DIR/slurm.conf; `up` prints the export.
# Needs root (the daemons run as root, SlurmUser=root).
set -euo pipefail
dir="${GANIQA_SLURM_DIR:-/tmp/ganiqa-slurm}"
conf="$dir/slurm.conf"
host="$(hostname -s)"
export SLURM_CONF="$conf"

die() { echo "slurm-local: $*" >&2; exit 1; }

alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

install() {
  local packages=(slurmctld slurmd slurm-client munge) missing=() p
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "slurm-local: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >/dev/null
  apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
}

write_conf() {
  local cpus mem
  cpus="$(nproc)"
  # RealMemory must not exceed what slurmd sees, or the node is drained: stay below the free memory.
  mem="$(free -m | awk '/^Mem:/ {print int($7 * 0.8)}')"
  [ "$mem" -ge 256 ] || mem=256
  mkdir -p "$dir/state" "$dir/spool" "$dir/log" "$dir/run"
  cat >"$conf.tmp" <<EOF
# written by ganiqa scripts/slurm-local.sh: one node, no cgroups, no accounting
ClusterName=ganiqa
SlurmctldHost=$host
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/run/slurmctld.pid
SlurmdPidFile=$dir/run/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
MpiDefault=none
SchedulerType=sched/backfill
NodeName=$host CPUs=$cpus RealMemory=$mem State=UNKNOWN
PartitionName=local Nodes=$host Default=YES MaxTime=INFINITE State=UP
EOF
  mv "$conf.tmp" "$conf"
}

wait_idle() {
  local i state
  for i in $(seq 1 60); do
    state="$(sinfo -h -n "$host" -o %T 2>/dev/null || true)"
    case "$state" in
      idle*|mixed*|allocated*) echo "slurm-local: node $host $state; export SLURM_CONF=$conf" >&2; return 0 ;;
    esac
    sleep 1
  done
  die "node $host not idle after 60 s (sinfo: '${state:-no answer}'); see $dir/log"
}

up() {
  [ "$(id -u)" -eq 0 ] || die "expected root (the daemons run as root), found uid $(id -u)"
  install
  mkdir -p "$dir/run"
  if alive "$dir/run/slurmctld.pid" && alive "$dir/run/slurmd.pid"; then
    wait_idle
    return 0
  fi
  write_conf
  if ! alive "$dir/run/munged.pid"; then
    mkdir -p /run/munge
    # --force: the socket folder may be group-writable in containers; ours alone holds the pid file.
    munged --force --pid-file="$dir/run/munged.pid" --socket=/run/munge/munge.socket.2 \
      || die "munged did not start"
  fi
  alive "$dir/run/slurmctld.pid" || slurmctld -f "$conf" || die "slurmctld did not start; see $dir/log/slurmctld.log"
  alive "$dir/run/slurmd.pid" || slurmd -f "$conf" || die "slurmd did not start; see $dir/log/slurmd.log"
  wait_idle
}

down() {
  local name pidfile pid i
  for name in slurmd slurmctld munged; do
    pidfile="$dir/run/$name.pid"
    if alive "$pidfile"; then
      pid="$(cat "$pidfile")"
      kill "$pid"
      for i in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
      echo "slurm-local: stopped $name ($pid)" >&2
    fi
    rm -f "$pidfile"
  done
}

status() {
  local name pidfile rc=0
  for name in munged slurmctld slurmd; do
    pidfile="$dir/run/$name.pid"
    if alive "$pidfile"; then echo "$name running ($(cat "$pidfile"))"; else echo "$name stopped"; rc=1; fi
  done
  [ $rc -eq 0 ] && sinfo
  return $rc
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) status ;;
  *) echo "usage: scripts/slurm-local.sh up|down|status" >&2; exit 2 ;;
esac
