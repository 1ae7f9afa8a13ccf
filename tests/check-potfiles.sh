#!/bin/sh
# Fails when a source file with translatable strings is missing from
# po/POTFILES, or when po/POTFILES lists a file that does not exist.
#
#   tests/check-potfiles.sh [SOURCE-DIR]
#
# A C file (src/**/*.c, src/**/*.h) is translatable when it calls _, N_,
# C_, NC_, ngettext or g_dngettext (with or without a space before the
# parenthesis) and a GtkBuilder file (data/ui/*.ui) when it contains
# translatable="yes". The files are the ones git knows
# (tracked, or new and not ignored) when the tree is a git work tree, and
# every file of the tree otherwise.

set -u

srcdir=${1:-$(dirname "$0")/..}
cd "$srcdir" || exit 1

potfiles=po/POTFILES
if [ ! -f "$potfiles" ]; then
  echo "$potfiles: no such file" >&2
  exit 1
fi

tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

# The entries of POTFILES, without comments and blank lines.
sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' "$potfiles" | sort -u > "$tmp/listed"

# The candidate files.
if command -v git > /dev/null 2>&1 &&
   git rev-parse --is-inside-work-tree > /dev/null 2>&1; then
  git ls-files --cached --others --exclude-standard -- \
    'src/*.c' 'src/*.h' 'data/ui/*.ui' > "$tmp/candidates"
else
  : > "$tmp/candidates"
  if [ -d src ]; then
    find src -type f \( -name '*.c' -o -name '*.h' \) >> "$tmp/candidates"
  fi
  if [ -d data/ui ]; then
    find data/ui -type f -name '*.ui' >> "$tmp/candidates"
  fi
fi

status=0

# Every translatable file must be listed.
: > "$tmp/translatable"
sort -u "$tmp/candidates" | while IFS= read -r file; do
  [ -f "$file" ] || continue
  case "$file" in
    *.ui) pattern='translatable="yes"' ;;
    *)    pattern='\b(N_|_|C_|NC_|g_dngettext|ngettext) ?\(' ;;
  esac
  if grep -qE "$pattern" "$file"; then
    echo "$file" >> "$tmp/translatable"
  fi
done

missing=$(sort -u "$tmp/translatable" | comm -23 - "$tmp/listed")
if [ -n "$missing" ]; then
  echo "These files have translatable strings but are not in $potfiles:" >&2
  echo "$missing" | sed 's/^/  /' >&2
  status=1
fi

# Every listed file must exist, or xgettext fails.
while IFS= read -r file; do
  if [ ! -f "$file" ]; then
    echo "$potfiles lists $file, which does not exist" >&2
    status=1
  fi
done < "$tmp/listed"

if [ "$status" -eq 0 ]; then
  echo "$potfiles lists all $(wc -l < "$tmp/translatable" | tr -d ' ') source files with translatable strings"
fi
exit "$status"
