#!/usr/bin/env bash
# Installs the OpenAI.Gen package from artifacts/ into a fresh console project in a temp folder and runs
# tests/Smoke/Program.cs against a loopback server, with the package's net8.0 build and then its netstandard2.0 one.
# Usage: tests/Smoke/run.sh [artifacts-dir]
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
SMOKE_EXPECT_FRAMEWORK=".NETCoreApp,Version=v8.0" dotnet run -c Release

# Again with the package's netstandard2.0 build (what .NET Framework and older runtimes get), which no test here
# otherwise runs: its own dependencies are added from the nuspec, and its assembly replaces the net8.0 one.
nuspec="$NUGET_PACKAGES/openai.gen/$version/openai.gen.nuspec"
sed -n '/targetFramework=".NETStandard2.0"/,/<\/group>/p' "$nuspec" \
  | sed -n 's/.*<dependency id="\([^"]*\)" version="\([^"]*\)".*/\1 \2/p' \
  | while read -r id dependency_version; do dotnet add package "$id" --version "$dependency_version" >/dev/null; done
dotnet build -c Release >/dev/null
cp "$NUGET_PACKAGES/openai.gen/$version/lib/netstandard2.0/OpenAI.Gen.dll" bin/Release/net10.0/OpenAI.Gen.dll
SMOKE_EXPECT_FRAMEWORK=".NETStandard,Version=v2.0" dotnet bin/Release/net10.0/Smoke.dll
