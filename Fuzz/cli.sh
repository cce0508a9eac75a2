#!/usr/bin/env bash
# Builds the in-process CLI fuzz target (Fuzz/Package.swift, product fuzz-cli: AddressSanitizer, edge coverage
# and comparison tracing, linked with libFuzzer's driver), seeds a corpus for one FUZZ_TARGET and runs it.
#   bash Fuzz/cli.sh args|means-data|model-data [libFuzzer flags…]
# Default flags: -runs=1000000 -max_total_time=1800 -timeout=10 -rss_limit_mb=2048 -max_len=4096.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
target="${1:-args}"; shift || true
out="${FUZZ_OUT:-/tmp/trialstats-fuzz}/cli-$target"
(cd "$root/Fuzz" && swift build -c release --product fuzz-cli --sanitize=address \
    -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp >/dev/null)
binary="$root/Fuzz/.build/release/fuzz-cli"
corpus="$out/corpus"
rm -rf "$corpus"; mkdir -p "$corpus"
i=0
put() {   # put SELECTOR-BYTE TEXT: one corpus unit
    { printf "\\$(printf '%03o' "$1")"; printf '%s' "$2"; } > "$corpus/seed-$i"; i=$((i + 1))
}
commands=(means counts proportion model dist audit certify)
case "$target" in
args)
    # Every documented example of the help texts and the command-line contract tests, one argument per line.
    python3 - "$root" "$corpus" <<'PY'
import pathlib, re, sys
root, corpus = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
commands = ["means", "counts", "proportion", "model", "dist", "audit", "certify"]
units = set()
for path in list((root / "Tests/CLITests").glob("*.swift")):
    for m in re.finditer(r'\[("(?:means|counts|proportion|model|dist|audit|certify)"(?:,\s*"[^"\n]*")*)\]', path.read_text()):
        args = re.findall(r'"((?:[^"\\]|\\.)*)"', m.group(1))
        units.add(tuple(args))
for path in (root / "Tests/CLITests/Snapshots").glob("*"):
    for line in path.read_text().splitlines():
        line = line.strip()
        if line.startswith("trialstats "):
            words = line.split()[1:]
            if words and words[0] in commands:
                units.add(tuple(w.strip("'\"") for w in words))
for n, args in enumerate(sorted(units)):
    (corpus / f"seed-{n}").write_bytes(bytes([commands.index(args[0])]) + "\n".join(args[1:]).encode())
print(len(units), "argument seeds")
PY
    ;;
means-data)
    for f in $(find "$root/Datasets" "$root/Tests/Fixtures" -name 'arms*.csv' -o -name 'means*.csv' | sort); do put 0 "$(cat "$f")"; done
    put 1 $'arm,n,mean,sd\nA,35,−1.4,2.3\nB,"1,725",0.5,1.1\n'
    put 2 $'n,mean,se\n12,3.5,0.4\n'
    ;;
model-data)
    for f in $(find "$root/Tests/Fixtures" -path '*model*' -name '*.csv' | sort); do put 0 "$(cat "$f")"; done
    put 1 $'y,arm,x,z\n1.2,A,3,0\n2.5,B,4,1\n0.7,A,5,1\n3.1,B,2,0\n'
    put 2 $'y,arm,x\n1,A,3\n0,B,4\n1,B,5\n0,A,2\n1,A,7\n'
    ;;
*) echo "cli.sh: target must be args, means-data or model-data" >&2; exit 64 ;;
esac
cd "$out"
FUZZ_TARGET="$target" exec "$binary" "$corpus" -runs=1000000 -max_total_time=1800 -timeout=10 \
    -rss_limit_mb=2048 -max_len=4096 -print_final_stats=1 "$@"
