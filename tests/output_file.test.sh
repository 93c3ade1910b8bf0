#!/usr/bin/env bash
# -o FILE: a regular file is replaced atomically and keeps its mode; a
# symlink's target is replaced, not the link; a character device, a FIFO
# and /dev/stdout are written in place and left as they were. Devices are
# made in a temporary directory (mknod), never the machine's own.
set -euo pipefail
parley="$1/parley"
source=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
passed=0
pass() { passed=$((passed + 1)); }
fail() { echo "FAILED: $*"; exit 1; }
"$parley" import astana.db "$source/examples/data/astana-2017.json"
expected=$("$parley" timeline astana.db)

# A regular file keeps its mode (it used to become 0644 via the umask).
echo old >mode.txt
chmod 640 mode.txt
"$parley" timeline astana.db -o mode.txt
[[ $(stat -c %a mode.txt) == 640 ]] || fail "mode $(stat -c %a mode.txt)"
[[ $(cat mode.txt) == "$expected" ]] || fail "mode.txt content"
[[ -z $(ls | grep -v -e '^astana.db' -e '^mode.txt$') ]] || fail "temp left: $(ls)"
pass

# A new file gets 0666 less the umask.
(umask 027 && "$parley" timeline astana.db -o new.txt)
[[ $(stat -c %a new.txt) == 640 ]] || fail "new mode $(stat -c %a new.txt)"
pass

# A symlink: the target is replaced, the link stays a link.
mkdir sub
echo old >sub/target.txt
ln -s sub/target.txt link.txt
"$parley" timeline astana.db -o link.txt
[[ -L link.txt ]] || fail "the link was replaced"
[[ $(readlink link.txt) == sub/target.txt ]] || fail "link changed"
[[ $(cat sub/target.txt) == "$expected" ]] || fail "target not written"
ln -s sub/dangling.txt dangling.txt
"$parley" timeline astana.db -o dangling.txt
[[ -L dangling.txt && -f sub/dangling.txt ]] || fail "dangling link"
pass

# A FIFO: written in place, still a FIFO.
mkfifo pipe
cat pipe >from-pipe &
reader=$!
"$parley" timeline astana.db -o pipe
wait "$reader"
[[ -p pipe ]] || fail "the FIFO was replaced"
[[ $(cat from-pipe) == "$expected" ]] || fail "FIFO content"
pass

# /dev/stdout: written to the descriptor, also when it is a pipe.
out=$("$parley" timeline astana.db -o /dev/stdout | cat)
[[ $out == "$expected" ]] || fail "/dev/stdout through a pipe"
"$parley" timeline astana.db -o /dev/stdout >stdout.txt
[[ $(cat stdout.txt) == "$expected" ]] || fail "/dev/stdout to a file"
pass

# A character device: a null device made here (root only).
if [[ $(id -u) == 0 ]] && mknod null c 1 3 2>/dev/null; then
  chmod 666 null
  "$parley" timeline astana.db -o null
  "$parley" export astana.db -o null
  [[ -c null ]] || fail "the device was replaced by a regular file"
  [[ $(stat -c '%t,%T %a' null) == "1,3 666" ]] || fail "device changed"
  pass
else
  echo "note: cannot mknod here; character device case skipped"
fi

# A directory is refused (73) and left alone.
mkdir dir
status=0
"$parley" timeline astana.db -o dir 2>err || status=$?
[[ $status == 73 && -d dir ]] || fail "directory: $status $(cat err)"
pass
echo "$passed passed, 0 failed"
