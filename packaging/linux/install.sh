#!/bin/sh
# Delegation Planner for this user only (no administrator rights): a menu entry, the icon, and
# .dplan files that open with it. The program does the same on its first start; run this to do
# it now, or with --remove to take it away again. The folder stays where it is: move it first
# (for example to ~/.local/opt/delegation-planner), then run this.
set -e
here=$(cd "$(dirname "$0")" && pwd)
exec "$here/delegation-planner" install-desktop "$@"
