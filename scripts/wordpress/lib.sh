# Sourced by start, stop and seed (not run): where this port's site lives, and small helpers.
WP_PORT=${WP_PORT:-8881}
WP_STATE=${WP_STATE:-${TMPDIR:-/tmp}/comment-thread-wp.$WP_PORT}
# Where PHP listens, and the URL WordPress believes it lives at (WP_HOME): the same unless the site sits
# behind a proxy, as in the integration tests, where the test pages and WordPress share one origin.
WP_BASE="http://127.0.0.1:$WP_PORT"
WP_HOME=${WP_HOME:-$WP_BASE}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
t0=$(date +%s%N)

# Progress on stderr, with the seconds since the script began.
step() { printf '[%6.1fs] %s\n' "$(( ($(date +%s%N) - t0) / 1000000 ))e-3" "$*" >&2; }
fail() { printf 'error: %s\n' "$*" >&2; exit 1; }

# alive NAME MARK: the PID recorded in $WP_STATE/NAME.pid runs, and its command line holds MARK
# (so a recycled PID is never mistaken for ours).
alive() {
  local f="$WP_STATE/$1.pid" pid
  [ -s "$f" ] || return 1
  pid=$(cat "$f")
  kill -0 "$pid" 2>/dev/null && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$2"
}
php_mark="127.0.0.1:$WP_PORT"
db_mark="--datadir=$WP_STATE/db"

# The REST API answers (HTTP 200 from the index).
answers() { [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$WP_BASE/wp-json/")" = 200 ]; }
