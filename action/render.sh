#!/usr/bin/env bash
# The action's render step: vitae render with the action's inputs, problems
# as annotations (--diagnostics github), a manifest; the output folder and
# the manifest's path go to the step's outputs, also when some input failed
# (the exit code is vitae's).
set -euo pipefail
: "${GITHUB_OUTPUT:?}" "${INPUT_FILES:?files is required}"
out=${INPUT_OUTPUT:-vitae-out}
set -f # globs are vitae's to expand
# shellcheck disable=SC2206 # split on spaces and new lines, on purpose
files=($INPUT_FILES)
# shellcheck disable=SC2206
extra=(${INPUT_ARGS:-})
set +f
args=(render "${files[@]}" --format "${INPUT_FORMATS:-pdf}" --out "$out" --manifest --diagnostics github)
[ -n "${INPUT_THEME:-}" ] && args+=(--theme "$INPUT_THEME")
args+=("${extra[@]}")
code=0
vitae "${args[@]}" || code=$?
{
  echo "output-dir=$out"
  echo "manifest=$out/manifest.json"
} >>"$GITHUB_OUTPUT"
exit "$code"
