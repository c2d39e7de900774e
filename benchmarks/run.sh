#!/usr/bin/env bash
# Runs every benchmark and prints one table of medians and ratios (docs/benchmarks.md).
#   benchmarks/run.sh           the full run (about 15 minutes on 2 cores)
#   benchmarks/run.sh --quick   fewer, shorter iterations (under 2 minutes)
set -euo pipefail
cd "$(dirname "$0")/.."

quick=false
[ "${1:-}" = "--quick" ] && quick=true

out=benchmarks/target/results
mkdir -p "$out"
./mvnw -q -B -ntp -DskipTests -pl benchmarks -am package dependency:build-classpath \
	-Dmdep.outputFile="$PWD/$out/classpath.txt" -Dmdep.includeScope=runtime
cp="benchmarks/target/classes:$(cat "$out/classpath.txt")"
jmh() { java -cp "$cp" org.openjdk.jmh.Main "$@"; }

if $quick; then
	dispatch=(-wi 2 -w 1s -i 3 -r 1s -f 1)
	alloc=(-wi 1 -w 1s -i 2 -r 1s -f 1)
	bridge=(-wi 5 -i 5 -f 1)
	bridge_alloc=(-wi 3 -i 3 -f 1)
	startup=(-wi 5 -i 10)
else
	dispatch=()
	alloc=(-wi 2 -w 1s -i 3 -r 1s -f 1)
	bridge=(-wi 20 -i 20 -f 2)
	bridge_alloc=(-wi 10 -i 5 -f 1)
	startup=()
fi

jmh 'DispatchBenchmark' "${dispatch[@]}" -rf json -rff "$out/dispatch.json"
jmh 'DispatchBenchmark.(send[01]|send10|sendSenderSpecific1|sendSenderSpecific1NewArguments|sendSenderSpecific1Prepared|sendSenderSpecific1NewEvent|send1Prepared|send10Prepared|receiverMethod1Prepared)$' -prof gc "${alloc[@]}" -rf json -rff "$out/allocation.json"
jmh 'BridgeBenchmark' "${bridge[@]}" -rf json -rff "$out/bridge.json"
jmh 'BridgeBenchmark' -prof gc "${bridge_alloc[@]}" -rf json -rff "$out/bridge-allocation.json"
jmh 'StartupBenchmark' "${startup[@]}" -rf json -rff "$out/startup.json"

echo
echo "Machine: $(nproc) cores, $(java -version 2>&1 | head -1), $(date -u +%Y-%m-%d)"
java -cp "$cp" io.signalsforspring.signals.benchmarks.Report "$out/dispatch.json" "$out/allocation.json" \
	"$out/bridge.json" "$out/bridge-allocation.json" "$out/startup.json"
