#!/usr/bin/env bash
# Peak memory of `amlrbac export` as the tenant grows (issue #16): the ARM emulator serves a generated
# tenant (tests/AmlRbac.ArmEmulator, ARM's paged list shapes) and `amlrbac export` reads it all from the
# root management group into a snapshot file; GNU time (`time -v`) gives the export process's wall time and
# peak RSS. Bounded memory means the peak grows far less than the tenant: items stream to the file.
#
#   bench/Measure-Export.sh [SIZES...]     e.g. bench/Measure-Export.sh 10000 100000
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("${@:-10000 100000}")
read -r -a sizes <<<"${sizes[*]}"

dotnet build -c Release src/AmlRbac.Cli >/dev/null
dotnet build -c Release tests/AmlRbac.ArmEmulator >/dev/null
dotnet build -c Release bench/AmlRbac.Benchmarks >/dev/null
cli=src/AmlRbac.Cli/bin/Release/net10.0/AmlRbac.Cli
emulator=tests/AmlRbac.ArmEmulator/bin/Release/net10.0/AmlRbac.ArmEmulator
writer=bench/AmlRbac.Benchmarks/bin/Release/net10.0/AmlRbac.Benchmarks
# The synthetic tenant's root management group (the generator is seeded: the same at every size).
root=/providers/Microsoft.Management/managementGroups/mg-202b4b27-6c16-9b51-4449-f0e2cad70e5b
scratch=${TMPDIR:-$(dirname "$(mktemp -u)")}
timing=$(mktemp); log=$(mktemp); out=$(mktemp -u)
gnu_time=$(type -P time) || { echo "GNU time is needed (Debian: apt-get install -y time)" >&2; exit 2; }
pid=
trap '[[ -n $pid ]] && kill -KILL $pid 2>/dev/null; rm -f "$timing" "$log" "$out"' EXIT

export AMLRBAC_BENCH_TOKEN=emulator-token
for size in "${sizes[@]}"; do
    file=$scratch/amlrbac-synthetic-$size.json
    [[ -f $file ]] || "$writer" write-snapshot "$size" "$file" >/dev/null
    "$emulator" "$file" >"$log" 2>&1 &
    pid=$!
    until grep -q '^ARM:' "$log"; do sleep 0.2; done
    arm=$(awk '/^ARM:/ {print $2}' "$log")
    rm -f "$out"
    "$gnu_time" -v -o "$timing" "$cli" export --scope "$root" --out "$out" --arm-url "$arm" \
        --access-token-env AMLRBAC_BENCH_TOKEN --max-requests-per-second 1000 >/dev/null
    wall=$(grep 'Elapsed (wall clock)' "$timing" | awk '{print $NF}')
    rss=$(grep 'Maximum resident set size' "$timing" | awk '{printf "%.0f", $NF / 1024}')
    printf '%-8s export: wall %s, peak RSS %s MiB, file %s MiB (the tenant read from: %s MiB)\n' "$size" "$wall" "$rss" \
        "$(($(stat -c %s "$out") / 1048576))" "$(($(stat -c %s "$file") / 1048576))"
    # A background job of a script ignores SIGINT, and the emulator waits for Ctrl+C: it is killed.
    kill -KILL $pid; wait $pid 2>/dev/null || true; pid=
done
