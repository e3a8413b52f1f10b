#!/usr/bin/env bash
# Copyright (C) 2026 The backprop authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Fuzz every public function of backprop with hostile arguments.
#
#   tests/fuzz/run_fuzz.sh [--sample N] [--seed S] [--jobs J] [--batch B]
#                          [--timeout T] [--mem KB] [--setup CODE]
#                          [--octave PATH] [--catalogue FILE] [--index FILE]
#                          [--keep] [--quiet]
#
# 1. fuzz_generate (Octave) writes the catalogue of calls, one a line, and
#    the fixture files they read, into a fresh scratch folder.  It refuses
#    to (and the run fails, naming it) when a function the package's INDEX
#    lists has no spec in fuzz_specs.m: every public function is fuzzed.
# 2. The calls are cut into batches of B; each batch runs in a child
#    octave-cli (fuzz_child), at most J children at a time.  A child has no
#    DISPLAY, a memory cap of KB kilobytes (ulimit -v: an absurd size must
#    fail inside the call, not take the machine), and HOME, TMPDIR and its
#    working folder in its worker's folder inside the scratch folder, so
#    that nothing a call writes lands anywhere else.
# 3. A child records each call before and after making it.  When a child
#    dies (a signal, an abort, the memory cap) the call it was running is
#    recorded as a crash and a new child takes the calls after it; when no
#    record comes for T seconds the child is killed and the call recorded
#    as a hang.
# 4. fuzz_report (Octave) prints the counts per function and per outcome
#    and every BAD call; the exit status is 1 when there is one.
#
# Options may also come from the environment: FUZZ_SAMPLE, FUZZ_SEED,
# FUZZ_JOBS, FUZZ_BATCH, FUZZ_TIMEOUT, FUZZ_MEM_KB, FUZZ_SETUP, FUZZ_OCTAVE,
# FUZZ_INDEX.
# --sample 0 (the default) runs the whole catalogue.  --setup is the Octave
# code that makes the package callable (default: addpath of the source
# tree's inst and src); `make fuzz` passes the pkg load of the installed
# package.  --keep leaves the scratch folder for inspection.  --catalogue
# runs the calls of FILE (in fuzz_generate's format) instead of generating
# them, which is how the harness itself is checked against functions that
# crash, hang or write into their inputs on purpose.  --index names the
# list of public functions (default: the package's INDEX), which is how
# the refusal to run without a spec for each is checked.

set -u

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)

sample=${FUZZ_SAMPLE:-0}
seed=${FUZZ_SEED:-1}
jobs=${FUZZ_JOBS:-2}
batch=${FUZZ_BATCH:-0}       # 0: 400, or fewer so that every job gets work
timeout=${FUZZ_TIMEOUT:-120}
mem=${FUZZ_MEM_KB:-4000000}
setup=${FUZZ_SETUP:-"addpath ('$root/inst', '$root/src');"}
octave=${FUZZ_OCTAVE:-octave-cli}
index=${FUZZ_INDEX:-}
keep=0
quiet=0
catalogue=""

usage() { sed -n '5,/^[^#]/p' "${BASH_SOURCE[0]}" | grep '^#' | sed 's/^# \{0,1\}//'; exit 2; }

while (( $# > 0 )); do
  case $1 in
    --sample) sample=$2; shift ;;
    --seed) seed=$2; shift ;;
    --jobs) jobs=$2; shift ;;
    --batch) batch=$2; shift ;;
    --timeout) timeout=$2; shift ;;
    --mem) mem=$2; shift ;;
    --setup) setup=$2; shift ;;
    --octave) octave=$2; shift ;;
    --catalogue) catalogue=$2; shift ;;
    --index) index=$2; shift ;;
    --keep) keep=1 ;;
    --quiet) quiet=1 ;;
    *) usage ;;
  esac
  shift
done
for n in "$sample" "$seed" "$jobs" "$batch" "$timeout" "$mem"; do
  [[ $n =~ ^[0-9]+$ ]] || { echo "run_fuzz.sh: '$n' is not a whole number" >&2; exit 2; }
done
(( jobs >= 1 && timeout >= 1 )) || usage

say() { (( quiet )) || echo "$@"; }

scratch=$(mktemp -d "${TMPDIR:-/tmp}/bp-fuzz.XXXXXX") || exit 2
mkdir -p "$scratch"/{fixtures,batches,results,logs}
finished=0

# On an interrupt, end the children still running: each is the leader of
# its own process group, and its command line names this run's scratch
# folder (so a process id reused since is left alone).
cleanup() {
  local pid
  if (( ! finished )) && [[ -f $scratch/pids ]]; then
    while read -r pid; do
      if grep -qsF "$scratch" "/proc/$pid/cmdline"; then
        kill -KILL -- "-$pid" 2>/dev/null
      fi
    done <"$scratch/pids"
  fi
  if (( keep )); then
    echo "scratch folder kept: $scratch"
  else
    rm -rf "$scratch"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# An Octave script of the package setup followed by CODE.
script() {
  # tests/lib gives the generator bad_values and the children deep_copy,
  # shared with the other tests.
  printf '%s\naddpath (%s, %s);\n%s\n' "$setup" "'$here'" "'$here/../lib'" \
    "$2" > "$scratch/$1.m"
  echo "$scratch/$1.m"
}

# Run octave-cli on a script as a child: own session (so that killing its
# process group also ends the gnuplot it may have started), no display,
# the memory cap, and every place it may write inside folder $3 of the
# scratch space: its working folder (with a subfolder out for the plots'
# PNG files, which the catalogue names relative to it), TMPDIR and HOME.
# Each worker has its own, so that a file a call leaves behind is seen by
# the child that ran it and no other.  The caller waits for $child.
start_octave() {
  local script=$1 log=$2 w=$3
  mkdir -p "$w/cwd/out" "$w/tmp" "$w/home"
  setsid bash -c 'cd "$1/cwd" && ulimit -v "$2" && exec env -u DISPLAY \
      HOME="$1/home" TMPDIR="$1/tmp" \
      FUZZ_WATCH="$1/cwd:$1/cwd/out:$1/tmp:$1/home" \
      OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 \
      "$3" --norc --no-history --quiet "$4"' child \
    "$w" "$mem" "$octave" "$script" >>"$log" 2>&1 </dev/null &
  child=$!
  echo "$child" >>"$scratch/pids"
}

# Wait for child $1 whose records go to $2; kill it when no record has
# come for $timeout seconds.  Sets rc (exit status) and hung (0 or 1).
watch_child() {
  local pid=$1 out=$2 last="" line since=$SECONDS
  hung=0
  while kill -0 "$pid" 2>/dev/null; do
    sleep 0.2
    line=$(tail -n 1 "$out" 2>/dev/null)
    if [[ $line != "$last" ]]; then
      last=$line
      since=$SECONDS
    elif (( SECONDS - since > timeout )); then
      kill -KILL -- "-$pid" 2>/dev/null
      hung=1
      break
    fi
  done
  wait "$pid"
  rc=$?
}

# Run the calls of batch file $1 until all have a record in $2, starting a
# new child (in worker folder $3) after each crash or hang.
run_batch() {
  local list=$1 out=$2 w=$3 name attempt=0 from last id when next
  name=$(basename "$list")
  : >>"$out"
  while :; do
    attempt=$((attempt + 1))
    from=$(wc -l <"$out")
    FUZZ_LIST=$list FUZZ_OUT=$out start_octave "$scratch/child.m" "$scratch/logs/$name.log" "$w"
    watch_child "$child" "$out"
    last=$(tail -n 1 "$out")
    [[ $last == DONE ]] && break
    # The last call this child started, and whether it had finished.
    id=$(awk -F'\t' -v from="$from" 'NR > from && $1 == "S" { id = $2 } END { print id }' "$out")
    if [[ -z $id ]]; then
      echo "run_fuzz.sh: a child died before its first call (exit status $rc); its log:" >&2
      tail -n 20 "$scratch/logs/$name.log" >&2
      awk -F'\t' '{ print "F\t" $1 }' "$list" >>"$out"
      break
    fi
    when=during
    [[ $last == S$'\t'"$id" ]] || when=after
    if (( hung )); then
      printf 'H\t%s\t%s\t%s\n' "$id" "$timeout" "$when" >>"$out"
      say "  $name: call $id hung (killed after ${timeout} s); going on after it"
    else
      printf 'C\t%s\t%s\t%s\n' "$id" "$rc" "$when" >>"$out"
      say "  $name: call $id crashed its child (exit status $rc); going on after it"
    fi
    next="$scratch/batches/$name.after$attempt"
    awk -F'\t' -v id="$id" 'found { print } $1 == id { found = 1 }' "$list" >"$next"
    [[ -s $next ]] || break
    list=$next
  done
  echo "$attempt" >>"$scratch/results/children"
}

# Worker $1 of $jobs takes every jobs-th batch.
worker() {
  local w=$1 i=0 b
  for b in "$scratch"/batches/b*; do
    [[ $b == *.after* ]] && continue
    if (( i % jobs == w )); then
      run_batch "$b" "$scratch/results/$(basename "$b").out" "$scratch/w$w"
      say "  batch $(basename "$b") done"
    fi
    i=$((i + 1))
  done
}

start=$SECONDS

# 1. The catalogue and its fixtures.
if [[ -n $catalogue ]]; then
  cp "$catalogue" "$scratch/catalogue.tsv" || exit 2
else
  say "backprop fuzz: generating the calls (sample $sample, seed $seed) in $scratch"
  gen=$(script gen "fuzz_generate ('$scratch/catalogue.tsv', '$scratch', $sample, $seed, '${index//\'/\'\'}');")
  start_octave "$gen" "$scratch/logs/generate.log" "$scratch/gen"
  wait "$child"
  status=$?
  if (( status != 0 )) || [[ ! -s $scratch/catalogue.tsv ]]; then
    echo "run_fuzz.sh: generating the catalogue failed (exit status $status):" >&2
    cat "$scratch/logs/generate.log" >&2
    exit 2
  fi
  (( quiet )) || cat "$scratch/logs/generate.log"
fi
calls=$(wc -l <"$scratch/catalogue.tsv")
if (( batch == 0 )); then
  batch=$(( (calls + jobs - 1) / jobs ))
  (( batch > 400 )) && batch=400
fi

# 2, 3. The calls, in batches, at most $jobs children at a time.
split -l "$batch" -d -a 4 "$scratch/catalogue.tsv" "$scratch/batches/b"
script child "fuzz_child (getenv ('FUZZ_LIST'), getenv ('FUZZ_OUT'));" >/dev/null
nbatch=$(ls "$scratch"/batches | wc -l)
say "running $calls calls in $nbatch batches, $jobs children at a time (memory cap $mem kB, timeout $timeout s per call)"
pids=()
for (( w = 0; w < jobs; w++ )); do
  worker "$w" &
  pids+=("$!")
done
for pid in "${pids[@]}"; do
  wait "$pid"
done
nchildren=$(awk '{ n += $1 } END { print n + 0 }' "$scratch/results/children")
rm -f "$scratch/results/children"

# 4. The report.
elapsed=$((SECONDS - start))
info=", seed $seed$( (( sample > 0 )) && echo ", a sample of $sample"), $nchildren child processes ($jobs at a time), $elapsed s"
# Exit status 3 from the report means BAD calls; any other failure is the
# report's own.
report=$(script report "exit (3 * (fuzz_report ('$scratch', '$info') > 0));")
start_octave "$report" "$scratch/logs/report.log" "$scratch/gen"
wait "$child"
status=$?
finished=1
cat "$scratch/logs/report.log"
case $status in
  0) exit 0 ;;
  3) exit 1 ;;
  *) echo "run_fuzz.sh: the report failed (exit status $status)" >&2; exit 2 ;;
esac
