#!/usr/bin/env bash
# Runs `vigil check` as the GitHub Action does (action.yml at the repository root), and
# anywhere else: the inputs come from INPUT_* variables, the outputs go to the file named by
# $GITHUB_OUTPUT when it is set (and are printed either way).
#
#   INPUT_PATHS            files or folders, separated by spaces (default: . , a project)
#   INPUT_CHECKS           --checks (default: Vigil's, assert,panic)
#   INPUT_ENGINE           --engine: auto, bmc or prove
#   INPUT_DEPTH            --depth
#   INPUT_SHARD            --shard I/N
#   INPUT_CACHE            --cache DIR
#   INPUT_FAIL_ON_UNKNOWN  true (default) or false: whether an `unknown` result fails
#   INPUT_MERGE            JSON reports of shards to merge (a glob), instead of checking
#   INPUT_OUTPUT_DIR       where vigil.json, vigil.sarif, vigil.xml and vigil.html go
#                          (default: vigil-reports)
#   VIGIL                  the vigil executable (default: vigil on the PATH)
#
# Exit status: 0 the gate passes; 1 a property is violated; 2 bad input; 3 an unknown result
# (when it fails the gate); 4 interrupted.
set -u

vigil="${VIGIL:-vigil}"
out="${INPUT_OUTPUT_DIR:-vigil-reports}"
mkdir -p "$out"

if [ -n "${INPUT_MERGE:-}" ]; then
    # shellcheck disable=SC2206 # the glob is meant to expand
    reports=(${INPUT_MERGE})
    args=(merge "${reports[@]}")
else
    read -r -a paths <<< "${INPUT_PATHS:-.}"
    args=(check "${paths[@]}")
fi
if [ -z "${INPUT_MERGE:-}" ]; then
    [ -n "${INPUT_CHECKS:-}" ] && args+=(--checks "$INPUT_CHECKS")
    [ -n "${INPUT_ENGINE:-}" ] && args+=(--engine "$INPUT_ENGINE")
    [ -n "${INPUT_DEPTH:-}" ] && args+=(--depth "$INPUT_DEPTH")
    [ -n "${INPUT_SHARD:-}" ] && args+=(--shard "$INPUT_SHARD")
    [ -n "${INPUT_CACHE:-}" ] && args+=(--cache "$INPUT_CACHE")
fi
args+=(--format github --quiet)
args+=(--json "$out/vigil.json" --sarif "$out/vigil.sarif" --junit "$out/vigil.xml" --html "$out/vigil.html")

"$vigil" "${args[@]}"
status=$?

# The counts, from the JSON report (absent after bad input).
count() {
    [ -f "$out/vigil.json" ] || { echo 0; return; }
    python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["summary"].get(sys.argv[2], 0))' \
        "$out/vigil.json" "$1" 2>/dev/null || echo 0
}

outputs=(
    "status=$status"
    "violated=$(count violated)"
    "unknown=$(count unknown)"
    "proved=$(count proved)"
    "holds=$(count holds)"
    "json=$out/vigil.json"
    "sarif=$out/vigil.sarif"
    "junit=$out/vigil.xml"
    "html=$out/vigil.html"
)
for line in "${outputs[@]}"; do
    echo "$line"
    if [ -n "${GITHUB_OUTPUT:-}" ]; then echo "$line" >> "$GITHUB_OUTPUT"; fi
done

if [ "$status" -eq 3 ] && [ "${INPUT_FAIL_ON_UNKNOWN:-true}" != "true" ]; then
    echo "::notice::Vigil: some results are unknown; fail-on-unknown is off, so the gate passes"
    exit 0
fi
exit "$status"
