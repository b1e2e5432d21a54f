#!/usr/bin/env bash
# Installs the colour dataset `emoji` (docs: README, "Dataset specs"): the 64x64 PNGs and metadata of the npm
# packages emoji-datasource-google and emoji-datasource-twitter 16.0.0, fetched through npm (its cache and the
# registry this machine reaches), checked against the sha512 integrity the registry publishes for each tarball,
# and unpacked into DIR (default: $GANIQA_EMOJI_DIR, else /usr/local/share/ganiqa/emoji-16.0.0 as root,
# else ~/.local/share/ganiqa/emoji-16.0.0). Idempotent: a complete install (DIR/.complete) is left alone; a
# partial one is replaced. Nothing is downloaded at run time.
#   scripts/install-emoji.sh [DIR]
# Licences: Noto Emoji images Apache-2.0 (Google); Twemoji images CC-BY-4.0 (Twitter, Inc. and contributors);
# emoji-datasource metadata MIT (Cal Henderson). They are listed in DIR/LICENCES and by `ganiqa datasets info emoji`.
set -euo pipefail
version=16.0.0
declare -A integrity=(
  [google]='sha512-ZRexfzs7MVoLnmzZmNsO4TKhnAJp5D++Vm6PpUpH/jEQQlemp3l88CjZ+DoZ2faM9R4QxZkOPJCoT8DlPhfQ3A=='
  [twitter]='sha512-7F+uCuHH+7Qnrc15P5tnbvKkg9E6tlzi4MnT2uW1RlN4pLYTza6cP/dstIfSDMtpjFLWuZewWg8jBbuL2eyELQ=='
)
if [ $# -ge 1 ]; then
  dir="$1"
elif [ -n "${GANIQA_EMOJI_DIR:-}" ]; then
  dir="$GANIQA_EMOJI_DIR"
elif [ "$(id -u)" -eq 0 ]; then
  dir=/usr/local/share/ganiqa/emoji-$version
else
  dir="${XDG_DATA_HOME:-$HOME/.local/share}/ganiqa/emoji-$version"
fi
if [ -f "$dir/.complete" ]; then
  exit 0
fi
if ! command -v npm >/dev/null; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "install-emoji: installing the Debian package npm" >&2
  $sudo apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends npm >/dev/null
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
parent="$(dirname "$dir")"
mkdir -p "$parent"
stage="$(mktemp -d "$parent/.emoji-install.XXXXXX")"
for vendor in google twitter; do
  (cd "$work" && npm pack --silent "emoji-datasource-$vendor@$version" >/dev/null)
  tgz="$work/emoji-datasource-$vendor-$version.tgz"
  # node comes with npm, so no other tool is needed to compute the registry's integrity string.
  actual="sha512-$(node -e "process.stdout.write(require('crypto').createHash('sha512').update(require('fs').readFileSync(process.argv[1])).digest('base64'))" "$tgz")"
  if [ "$actual" != "${integrity[$vendor]}" ]; then
    rm -rf "$stage"
    echo "install-emoji: $tgz: expected integrity ${integrity[$vendor]}, found $actual" >&2
    exit 1
  fi
  mkdir -p "$stage/$vendor"
  tar -xzf "$tgz" -C "$stage/$vendor" --strip-components=1 package/emoji.json package/LICENSE "package/img/$vendor/64"
  echo "emoji-datasource-$vendor@$version ${integrity[$vendor]}" >> "$stage/SOURCES"
done
cat > "$stage/LICENCES" <<'TXT'
google/img: Noto Emoji images, Apache-2.0 (Google LLC), https://github.com/googlefonts/noto-emoji
twitter/img: Twemoji images, CC-BY-4.0 (Twitter, Inc. and other contributors), https://github.com/twitter/twemoji
*/emoji.json: emoji-datasource metadata, MIT (Cal Henderson), https://github.com/iamcal/emoji-data
TXT
touch "$stage/.complete"
rm -rf "$dir"
mv "$stage" "$dir"
echo "install-emoji: $(find "$dir" -name '*.png' | wc -l) images in $dir" >&2
