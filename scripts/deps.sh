#!/bin/sh
# Install the Debian packages Ruta needs to build and test, and only those missing.
# Idempotent: a second run installs nothing. Uses sudo when not root.
set -eu

PACKAGES="
build-essential
flex
bison
libhpdf-dev
zlib1g-dev
libjansson-dev
fonts-dejavu-core
python3
python3-icalendar
python3-jsonschema
poppler-utils
qpdf
clang
libclang-rt-14-dev
valgrind
tj3
neovim
hyperfine
nodejs
python3-yaml
vim
emacs-nox
"

missing=""
for p in $PACKAGES; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done

if [ -z "$missing" ]; then
    echo "deps: all packages present"
    exit 0
fi

SUDO=""
if [ "$(id -u)" != 0 ]; then
    SUDO="sudo"
fi

echo "deps: installing$missing"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing
