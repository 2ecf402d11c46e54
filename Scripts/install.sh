#!/usr/bin/env bash
# Installs dealscope for one user (default ~/.local) or system-wide (--prefix /usr/local):
#   PREFIX/bin/dealscope                       the binary
#   PREFIX/share/dealscope/                    the bundled article, its dataset, the schema
#                                              and the drafter's lexicon (found beside the binary)
#   PREFIX/share/man/man1/dealscope.1          the manual (swift-argument-parser's generate-manual)
#   PREFIX/share/{bash-completion,zsh,fish}/…  shell completions
# Usage: Scripts/install.sh [--prefix DIR] [--configuration release|debug] [--binary FILE] [--no-man] [--uninstall]
# (--binary installs a dealscope already built instead of building one.)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
prefix="${HOME:?}/.local"
configuration=release
man=1
uninstall=0
binary=""
while (($#)); do
    case "$1" in
        --prefix) prefix="${2:?--prefix needs a directory}"; shift 2 ;;
        --configuration) configuration="${2:?--configuration needs release or debug}"; shift 2 ;;
        --binary) binary="${2:?--binary needs a file}"; shift 2 ;;
        --no-man) man=0; shift ;;
        --uninstall) uninstall=1; shift ;;
        -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "install.sh: unknown argument \"$1\" (try --help)" >&2; exit 64 ;;
    esac
done
command -v swift >/dev/null 2>&1 || export PATH="/opt/swift/usr/bin:$PATH"

bin="$prefix/bin"
share="$prefix/share/dealscope"
man1="$prefix/share/man/man1"
bash_completion="$prefix/share/bash-completion/completions/dealscope"
zsh_completion="$prefix/share/zsh/site-functions/_dealscope"
fish_completion="$prefix/share/fish/vendor_completions.d/dealscope.fish"

if ((uninstall)); then
    rm -rf "$share"
    rm -f "$bin/dealscope" "$man1/dealscope.1" "$bash_completion" "$zsh_completion" "$fish_completion"
    echo "removed dealscope from $prefix"
    exit 0
fi

if [[ -n "$binary" ]]; then
    built="$binary"
else
    swift build -c "$configuration" --product dealscope
    built="$(swift build -c "$configuration" --show-bin-path)/dealscope"
fi

mkdir -p "$bin" "$share" "$(dirname "$bash_completion")" "$(dirname "$zsh_completion")" "$(dirname "$fish_completion")"
# Copied to a temporary name and renamed: a running dealscope keeps its old binary.
install -m 755 "$built" "$bin/.dealscope.new" && mv -f "$bin/.dealscope.new" "$bin/dealscope"
rm -rf "$share.new" && cp -R Assets "$share.new" && rm -rf "$share" && mv "$share.new" "$share"
"$bin/dealscope" --generate-completion-script bash > "$bash_completion"
"$bin/dealscope" --generate-completion-script zsh > "$zsh_completion"
"$bin/dealscope" --generate-completion-script fish > "$fish_completion"

if ((man)); then
    # The plugin builds the package in release mode (a minute or two the first time).
    if ! swift package --allow-writing-to-package-directory generate-manual > .build/generate-manual.log 2>&1; then
        echo "install.sh: the manual could not be generated (see .build/generate-manual.log); --no-man skips it" >&2
        exit 1
    fi
    mkdir -p "$man1"
    install -m 644 .build/plugins/GenerateManual/outputs/dealscope/dealscope.1 "$man1/dealscope.1"
fi

echo "installed dealscope in $bin (data in $share)"
case ":$PATH:" in
    *":$bin:"*) ;;
    *) echo "note: $bin is not on your PATH; add it, e.g. echo 'export PATH=\"$bin:\$PATH\"' >> ~/.bashrc" ;;
esac
