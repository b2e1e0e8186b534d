#!/usr/bin/env bash
# Installs what the tests need (via setup.sh), runs every NUnit test project, and prints one summary line:
#   N passed, N failed[, N skipped]
# Exit code: 0 when nothing failed.
set -uo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh || { echo "setup failed"; echo "0 passed, 1 failed"; exit 1; }

RESULTS=artifacts/test-results
rm -rf "$RESULTS"; mkdir -p "$RESULTS"
LOG="$RESULTS/dotnet-test.log"

# One process per test assembly; the 2-core CI machine runs two at a time.
dotnet test TrustChain.sln -c Release --no-build -nologo -v:quiet -m:2 \
  --logger "console;verbosity=minimal" --results-directory "$RESULTS" \
  --blame-hang-timeout 10m 2>&1 | tee "$LOG"
rc=${PIPESTATUS[0]}

passed=0; failed=0; skipped=0; assemblies=0
# Minimal verbosity prints one line per assembly: "Passed!  - Failed: 0, Passed: 12, Skipped: 1, Total: 13, ..."
while IFS= read -r line; do
  f=$(sed -n 's/.*Failed: *\([0-9]*\),.*/\1/p' <<<"$line")
  p=$(sed -n 's/.*Passed: *\([0-9]*\),.*/\1/p' <<<"$line")
  s=$(sed -n 's/.*Skipped: *\([0-9]*\),.*/\1/p' <<<"$line")
  failed=$((failed + ${f:-0})); passed=$((passed + ${p:-0})); skipped=$((skipped + ${s:-0}))
  assemblies=$((assemblies + 1))
done < <(grep -E '^(Passed|Failed)! +- Failed: ' "$LOG")

# A crashed test host or a build break leaves some assembly without a summary line: that must not look green.
expected=$(find tests -name '*.Tests.csproj' | wc -l)
if [ "$assemblies" -lt "$expected" ]; then
  echo "only $assemblies of $expected test assemblies reported results"
  failed=$((failed + expected - assemblies))
fi
if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi

echo
if [ "$skipped" -gt 0 ]; then echo "$passed passed, $failed failed, $skipped skipped"; else echo "$passed passed, $failed failed"; fi
[ "$failed" -eq 0 ]
