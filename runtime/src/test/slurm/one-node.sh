#!/usr/bin/env bash
# A throwaway one-node Slurm cluster for the Slurm test (SlurmTest), as root:
#   one-node.sh start DIR   writes DIR/slurm.conf, starts munged (if not running), slurmctld and slurmd
#   one-node.sh stop DIR    stops the daemons that start launched
# Clients find the cluster with SLURM_CONF=DIR/slurm.conf. Needs Debian's slurmctld, slurmd,
# slurm-client and munge; works without cgroups (ProctrackType=proctrack/linuxproc, TaskPlugin=task/none).
set -euo pipefail
action="$1"
dir="$(mkdir -p "$2" && cd "$2" && pwd)"
conf="$dir/slurm.conf"

stop_pid() { # file
  if [ -f "$1" ]; then
    pid="$(cat "$1")"
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$1"
  fi
}

case "$action" in
start)
  host="$(hostname -s)"
  cpus="$(nproc)"
  mem_mb="$(awk '/MemTotal/ {print int($2 / 1024 / 2)}' /proc/meminfo)"
  mkdir -p "$dir/state" "$dir/spool"
  cat > "$conf" <<CONF
ClusterName=seqaugtest
SlurmctldHost=$host
SlurmctldPort=46817
SlurmdPort=46818
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/backfill
MpiDefault=none
ReturnToService=2
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/slurmctld.log
SlurmdLogFile=$dir/slurmd.log
JobCompType=jobcomp/none
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
NodeName=$host CPUs=$cpus RealMemory=$mem_mb State=UNKNOWN
PartitionName=test Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF
  if ! pgrep -x munged >/dev/null; then
    mkdir -p /run/munge && chown munge:munge /run/munge
    runuser -u munge -- /usr/sbin/munged
    touch "$dir/started-munged"
  fi
  /usr/sbin/slurmctld -f "$conf"
  /usr/sbin/slurmd -f "$conf"
  # Ready when the node accepts jobs.
  for _ in $(seq 100); do
    if SLURM_CONF="$conf" sinfo -h -o %t 2>/dev/null | grep -qE '^(idle|mix)'; then
      exit 0
    fi
    sleep 0.2
  done
  echo "one-node.sh: the Slurm node did not come up; see $dir/slurmctld.log and $dir/slurmd.log" >&2
  exit 1
  ;;
stop)
  stop_pid "$dir/slurmd.pid"
  stop_pid "$dir/slurmctld.pid"
  if [ -f "$dir/started-munged" ]; then
    pkill -x munged 2>/dev/null || true
    rm -f "$dir/started-munged"
  fi
  ;;
*)
  echo "usage: one-node.sh start|stop DIR" >&2
  exit 2
  ;;
esac
