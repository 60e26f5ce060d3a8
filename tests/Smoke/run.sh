#!/usr/bin/env bash
# Installs the OpenAI.Gen package from artifacts/ into a fresh console project in a temp folder and runs
# tests/Smoke/Program.cs against a loopback server. Usage: tests/Smoke/run.sh [artifacts-dir]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
artifacts="$(cd "${1:-$here/../../artifacts}" && pwd)"
package=$(ls "$artifacts"/OpenAI.Gen.[0-9]*.nupkg | head -1)
version=$(basename "$package" .nupkg | sed 's/^OpenAI\.Gen\.//')
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cd "$work"
dotnet new console --framework net10.0 --name Smoke --output . >/dev/null
cp "$here/Program.cs" Program.cs
# A private packages folder, so a stale OpenAI.Gen of the same version from an earlier run is never used.
export NUGET_PACKAGES="$work/packages"
cat > nuget.config <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="artifacts" value="$artifacts" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
</configuration>
XML
dotnet add package OpenAI.Gen --version "$version" >/dev/null
dotnet run -c Release
