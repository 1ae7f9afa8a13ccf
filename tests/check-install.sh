#!/bin/sh
# Installs the project into a temporary directory and checks that the files
# a desktop needs are where it looks for them.
#
#   tests/check-install.sh BUILD-DIR
#

set -u

builddir=${1:?usage: check-install.sh BUILD-DIR}
app_id=io.github.relance.Relance

meson=${MESON:-meson}
if ! command -v "$meson" > /dev/null 2>&1; then
  echo "meson not found: test skipped"
  exit 77
fi

destdir=$(mktemp -d) || exit 1
trap 'rm -rf "$destdir"' EXIT

# "meson test" builds only what the selected tests need, so the binaries may
# not be built yet: then let "meson install" build them. When everything is
# built already (as under "ninja test", where a ninja is running above us),
# pass --no-rebuild so that no second ninja runs in the same directory.
rebuild=
if command -v ninja > /dev/null 2>&1 &&
   ninja -C "$builddir" -n 2> /dev/null | grep -q 'no work to do'; then
  rebuild=--no-rebuild
fi
if ! "$meson" install -C "$builddir" $rebuild --quiet --destdir "$destdir" > "$destdir.log" 2>&1; then
  cat "$destdir.log" >&2
  rm -f "$destdir.log"
  echo "meson install failed" >&2
  exit 1
fi
rm -f "$destdir.log"

# The prefix is inside DESTDIR; find it from where bin/ landed rather than
# asking meson, so that any --prefix works.
status=0

expect () {
  # expect DESCRIPTION PATH-PATTERN
  found=$(find "$destdir" -path "$destdir*/$2" \( -type f -o -type l \) | head -n 1)
  if [ -n "$found" ]; then
    echo "ok: $1: ${found#"$destdir"}"
  else
    echo "MISSING: $1 (*/$2)" >&2
    status=1
  fi
}

expect "command-line tool"      "bin/relance-cli"
if [ -e "$builddir/src/gui/relance" ]; then
  expect "application"          "bin/relance"
fi
expect "desktop file"           "share/applications/$app_id.desktop"
expect "AppStream metadata"     "share/metainfo/$app_id.metainfo.xml"
expect "application icon"       "share/icons/hicolor/scalable/apps/$app_id.svg"
expect "symbolic icon"          "share/icons/hicolor/symbolic/apps/$app_id-symbolic.svg"
expect "GSettings schema"       "share/glib-2.0/schemas/$app_id.gschema.xml"
for lang in $(sed -e 's/#.*//' "$(dirname "$0")/../po/LINGUAS" 2>/dev/null); do
  expect "$lang translation"    "share/locale/$lang/LC_MESSAGES/relance.mo"
done
# The user guide, when help/ is part of the build.
if [ -d "$builddir/help" ]; then
  expect "user guide"           "share/help/C/relance/index.page"
fi

# The installed desktop file must name the installed icon and command.
desktop=$(find "$destdir" -path "*/share/applications/$app_id.desktop" | head -n 1)
if [ -n "$desktop" ]; then
  grep -qx "Icon=$app_id" "$desktop" ||
    { echo "MISSING: Icon=$app_id in the desktop file" >&2; status=1; }
  grep -q '^Exec=relance\( \|$\)' "$desktop" ||
    { echo "MISSING: Exec=relance in the desktop file" >&2; status=1; }
fi

exit "$status"
