#!/usr/bin/env bash
# Whole-process load benchmark (issue #16): times `amlrbac who`, `test` and `access` on generated
# ARM-shaped snapshot files, load included, and reports wall time and peak RSS from GNU time (`time -v`).
#
#   bench/Measure-Load.sh [RUNS] [SIZES...]     e.g. bench/Measure-Load.sh 3 100000 1000000
#
# The snapshots are written to the temporary folder ($TMPDIR, else the system's) once (generated files stay out of git) by the benchmark project's
# "write-snapshot" entry, the same seeded tenant every time. RUNS repeats each command in turn (never in
# parallel: the machine's 2 cores are shared), and each run is printed, so the median can be read.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-1}
shift || true
sizes=("${@:-100000 1000000}")
read -r -a sizes <<<"${sizes[*]}"

dotnet build -c Release src/AmlRbac.Cli >/dev/null
dotnet build -c Release bench/AmlRbac.Benchmarks >/dev/null
cli=src/AmlRbac.Cli/bin/Release/net10.0/AmlRbac.Cli
writer=bench/AmlRbac.Benchmarks/bin/Release/net10.0/AmlRbac.Benchmarks

# The synthetic tenant's first user (in the deepest nested group) and first workspace: see write-snapshot's output.
user=3e4eccc9-e216-6856-c21a-48b6287d4d9f
workspace=/subscriptions/cc9c23d7-c6db-0aae-7d4f-c1c70a159b69/resourceGroups/rg1/providers/Microsoft.MachineLearningServices/workspaces/ws0
action=Microsoft.MachineLearningServices/workspaces/computes/write
scratch=${TMPDIR:-$(dirname "$(mktemp -u)")}
timing=$(mktemp); output=$(mktemp)
trap 'rm -f "$timing" "$output"' EXIT
gnu_time=$(type -P time) || { echo "GNU time is needed (Debian: apt-get install -y time)" >&2; exit 2; }

measure() { # label, command...
    local label=$1; shift
    for ((run = 1; run <= runs; run++)); do
        "$gnu_time" -v -o "$timing" "$@" >"$output" 2>&1 || true
        local wall rss
        wall=$(grep 'Elapsed (wall clock)' "$timing" | awk '{print $NF}')
        rss=$(grep 'Maximum resident set size' "$timing" | awk '{printf "%.0f", $NF / 1024}')
        printf '%-8s %-7s run %d: wall %s, peak RSS %s MiB, output %s bytes\n' "$size" "$label" "$run" "$wall" "$rss" "$(wc -c <"$output")"
    done
}

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for size in "${sizes[@]}"; do
    file=$scratch/amlrbac-synthetic-$size.json
    [[ -f $file ]] || "$writer" write-snapshot "$size" "$file" >/dev/null
    measure who "$cli" who --snapshot "$file" --action "$action" --scope "$workspace" --format json
    measure test "$cli" test --snapshot "$file" --principal "$user" --action "$action" --scope "$workspace" --format json
    measure access "$cli" access --snapshot "$file" --principal "$user" --scope "$workspace" --format json
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
