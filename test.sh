#!/usr/bin/env bash
# Runs every test of Prow.Orleans and prints "N passed, N failed, N skipped".
# On a fresh Debian machine, run as root, it first installs the system packages the tests use.
set -uo pipefail
cd "$(dirname "$0")"

# System packages the tests drive for real (git clones local repositories in job tests).
packages=(git)
# Deck's browser tests drive Debian's Chromium through Playwright (its own browser download cannot work here).
packages+=(chromium)
# The PostgreSQL storage tests start a throwaway cluster of Debian's PostgreSQL on a free loopback port.
packages+=(postgresql)
missing=()
for package in "${packages[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if ((${#missing[@]})); then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null || exit 1
  else
    echo "test.sh: please install: ${missing[*]}" >&2
    exit 1
  fi
fi

results=TestResults
rm -rf "$results"
dotnet build Prow.Orleans.sln -c Release -nologo -clp:ErrorsOnly || { echo "0 passed, 1 failed"; exit 1; }

status=0
for project in tests/*/*.csproj; do
  name=$(basename "$project" .csproj)
  dotnet test "$project" -c Release --no-build --nologo \
    --logger "trx;LogFileName=$name.trx" --results-directory "$results" "$@" || status=1
done

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  value() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  passed=$((passed + $(value passed)))
  failed=$((failed + $(value failed) + $(value error) + $(value timeout) + $(value aborted)))
  skipped=$((skipped + $(value notExecuted)))
done

echo "$passed passed, $failed failed, $skipped skipped"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then
  exit 1
fi
