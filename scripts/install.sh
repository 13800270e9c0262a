#!/usr/bin/env bash
# Builds a release `vigil` with Swift's standard library linked in, so that it needs only the
# system's libz3 at run time (Debian and Ubuntu: libz3-4), and installs it in the folder given,
# or in $PREFIX/bin (default /usr/local/bin). Run it from anywhere in a clone of Vigil.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dest="${1:-${PREFIX:-/usr/local}/bin}"
cd "$root"
swift build -c release --static-swift-stdlib
bin="$(swift build -c release --static-swift-stdlib --show-bin-path)"
mkdir -p "$dest"
install -m 755 "$bin/vigil" "$dest/vigil"
"$dest/vigil" --version
