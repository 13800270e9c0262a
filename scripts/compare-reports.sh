#!/usr/bin/env bash
# Compares the reports of two `vigil` executables over every file of examples/ and specs/,
# in every format, times aside: a change that should keep verdicts and report bytes shows
# here when it does not. Usage: scripts/compare-reports.sh OLD_VIGIL NEW_VIGIL [FILE...]
# Exit status 0 when every report is the same, 1 otherwise (the differences are printed).
set -uo pipefail
cd "$(dirname "$0")/.."
old=$(realpath "$1")
new=$(realpath "$2")
shift 2
if [ "$#" -gt 0 ]; then files=("$@"); else
    mapfile -t files < <(find examples specs -maxdepth 1 -name '*.sol' -o -maxdepth 1 -name '*.vigil' | sort)
fi
specs=(specs/*.spec)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Times are the only fields that may differ between runs: `time_ms` in JSON, "checked in N ms"
# in text, `time` attributes in JUnit.
normalize() {
    sed -E -e 's/"time_ms" : [0-9]+/"time_ms" : 0/' -e 's/checked in [0-9]+ ms/checked in N ms/' \
        -e 's/time="[0-9.]+"/time="0"/g' "$1"
}
differ=0
for file in "${files[@]}"; do
    inputs=("$file")
    # A .sol file takes its properties from the specs beside it.
    case "$file" in *.sol) inputs+=("${specs[@]}") ;; esac
    for format in text json sarif junit github; do
        for side in old new; do
            exe=$old
            [ "$side" = new ] && exe=$new
            "$exe" check "${inputs[@]}" --format "$format" >"$work/$side.out" 2>/dev/null
            echo "exit $?" >>"$work/$side.out"
            normalize "$work/$side.out" >"$work/$side.norm"
        done
        if ! cmp -s "$work/old.norm" "$work/new.norm"; then
            differ=1
            echo "## $file ($format)"
            diff "$work/old.norm" "$work/new.norm" | head -40
        fi
    done
done
[ "$differ" = 0 ] && echo "every report is the same (times aside)"
exit "$differ"
