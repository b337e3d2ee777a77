#!/usr/bin/env bash
# Installs a built package, checks what it installed the way a desktop uses it, and removes it.
#
#   packaging/check-deb.sh target/debian/budget-studio_*_amd64.deb
#
# Runs as root or through sudo. Needs apt-get and the tools a desktop reads the package with:
#   apt-get install desktop-file-utils shared-mime-info xdg-utils libfile-mimeinfo-perl
# (xdg-mime asks `mimetype` from libfile-mimeinfo-perl when no desktop session is running).
set -euo pipefail

deb=$(realpath "$1")
sample=/usr/share/budget-studio/sample/xinzhou-industry-2022.ron
sudo=""
[[ $(id -u) -eq 0 ]] || sudo=sudo

fail() {
    echo "check-deb: $*" >&2
    exit 1
}

# What xdg-mime answers outside a desktop session, the same everywhere this script runs.
filetype() {
    env -u XDG_CURRENT_DESKTOP -u DESKTOP_SESSION xdg-mime query filetype "$1"
}

echo "== package $(basename "$deb"): $(stat -c %s "$deb") bytes"
dpkg-deb --field "$deb" Package Version Depends Recommends

# dpkg -i as the user would; when it stops for missing libraries, apt brings them and finishes.
$sudo dpkg -i "$deb" || $sudo apt-get install -f -y --no-install-recommends
trap '$sudo dpkg -r budget-studio >/dev/null 2>&1 || true' EXIT
dpkg -s budget-studio | grep -q '^Status: install ok installed' || fail "not installed"

version=$(dpkg-deb --field "$deb" Version)
echo "== budget-studio --version"
printed=$(budget-studio --version)
echo "$printed"
[[ $printed == "budget-studio ${version%-*}" ]] || fail "--version does not print ${version%-*}"

echo "== budget-studio check $sample"
code=0
findings=$(budget-studio check "$sample" 2>&1) || code=$?
echo "$findings"
# The sample's one error (its 11 forms vs its project expenditure) gives exit code 1.
[[ $code -eq 1 ]] || fail "check exited with $code, expected 1"
[[ $findings == *project.total* ]] || fail "check did not report project.total"

echo "== desktop entry, icons, file type"
desktop-file-validate /usr/share/applications/budget-studio.desktop
for size in 48x48 128x128 256x256; do
    [[ -f /usr/share/icons/hicolor/$size/apps/budget-studio.png ]] || fail "no $size icon"
done
[[ -f /usr/share/icons/hicolor/scalable/apps/budget-studio.svg ]] || fail "no scalable icon"
type=$(filetype "$sample")
echo "xdg-mime query filetype $sample: $type"
[[ $type == application/x-budget-studio ]] || fail "the sample is $type"
# Double-clicking a budget opens the app: the desktop database names it for the type.
handler=$(env -u XDG_CURRENT_DESKTOP xdg-mime query default application/x-budget-studio)
echo "xdg-mime query default application/x-budget-studio: $handler"
[[ $handler == budget-studio.desktop ]] || fail "the budget type opens with '$handler'"

echo "== remove"
copy=$(mktemp --suffix=.ron)
cp "$sample" "$copy"
$sudo dpkg -r budget-studio
trap - EXIT
[[ ! -e /usr/bin/budget-studio ]] || fail "/usr/bin/budget-studio is still there"
type=$(filetype "$copy")
rm -f "$copy"
[[ $type != application/x-budget-studio ]] || fail "the file type outlived the package"
echo "check-deb: all good"
