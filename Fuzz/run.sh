#!/usr/bin/env bash
# Builds the fuzz target, seeds a corpus from Datasets/ and Tests/Fixtures/malformed/ (each file once per
# reader, the selector byte in front) and runs libFuzzer. Extra arguments go to libFuzzer; default
# -runs=1000000 -max_total_time=1800 -timeout=10 -max_len=4096.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${FUZZ_OUT:-/tmp/trialstats-fuzz}"
bash "$root/Fuzz/build.sh" >/dev/null
corpus="$out/corpus"
rm -rf "$corpus"; mkdir -p "$corpus"
i=0
seed() {   # seed SELECTOR FILE
    { printf "\\$(printf '%03o' "$1")"; cat "$2"; } > "$corpus/seed-$i"; i=$((i + 1))
}
for f in $(find "$root/Datasets" "$root/Tests/Fixtures/malformed" -name '*.csv' | sort); do
    case "$(basename "$f")" in
        arms*|*--*arms*) seed 0 "$f" ;;
        counts*) seed 1 "$f" ;;
        comparisons*) seed 2 "$f" ;;
        study*) seed 3 "$f" ;;
        regimens*) seed 4 "$f" ;;
        reference*) seed 5 "$f" ;;
    esac
    seed 9 "$f"
done
for s in "−1.4" "1,725" "P<0.0001" "p = 0.006" "−2.3 to −0.4" "0.05% ± 1.46%" "1.5e-3" "+31.6" "≤ 0.05" "(−1.6; 0.2)"; do
    printf '\006%s' "$s" > "$corpus/seed-$i"; i=$((i + 1))
done
for s in "20,000 IU once a week" "300,000 IU intramuscularly every 7-10 days, 4-6 times" "50,000 IU weekly for 8 weeks" \
         "180 µg/day MK-7" "1,000 mg/day, ≥5 days/week" "0.5 µg/day for 1 year"; do
    printf '\010%s' "$s" > "$corpus/seed-$i"; i=$((i + 1))
done
cd "$out"
exec ./fuzz-datasets "$corpus" -runs=1000000 -max_total_time=1800 -timeout=10 -max_len=4096 -print_final_stats=1 "$@"
