# shellcheck shell=bash
# Helpers of scripts/bench/bench.sh (sourced, not run). Plain bash, curl, wrk, psql; no jq.
# Globals used: BASE (http://127.0.0.1:PORT), WORK (scratch directory), DB, PG_HOST, PG_PORT, PG_USER,
# ACCEPT_ENCODING (empty = none), RESULTS (the markdown being built).

log() { printf '[bench %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# psql against the benchmark database (or another one given as $2): unaligned, tuples only.
sql() { psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "${2:-$DB}" -v ON_ERROR_STOP=1 -Atq -c "$1"; }

# Median of numbers, one per line on stdin (the lower middle one for an even count).
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR) print v[int((NR + 1) / 2)] }'; }

# Seconds (curl's %{time_total}) to milliseconds with one decimal.
to_ms() { awk -v s="$1" 'BEGIN { printf "%.1f", s * 1000 }'; }

# A cookie's value from a curl cookie jar (HttpOnly cookies are stored as "#HttpOnly_host ...").
cookie() { awk -v n="$2" '$6 == n { v = $7 } END { print v }' "$1"; }

# The "Cookie:" header a browser would send with the jar's cookies (session and CSRF cookie).
cookie_header() {
  local session xsrf
  session=$(cookie "$1" SESSION); xsrf=$(cookie "$1" XSRF-TOKEN)
  printf 'SESSION=%s%s' "$session" "${xsrf:+; XSRF-TOKEN=$xsrf}"
}

# The masked CSRF token of the first form in an HTML file (hidden field "_csrf").
csrf_from() { grep -o '<input[^>]*name="_csrf"[^>]*>' "$1" | head -n 1 | sed -E 's/.*value="([^"]*)".*/\1/'; }

# curl with a role's cookie jar (reads and updates it); compressed answers like a browser's
# unless --no-gzip (then sizes are the uncompressed ones).
qcurl() {
  local jar=$1; shift
  if [[ -n $ACCEPT_ENCODING ]]; then set -- --compressed "$@"; fi
  curl -s -b "$jar" -c "$jar" "$@"
}

# login ROLE EMAIL PASSWORD: signs in with the login form; leaves the cookies in $WORK/ROLE.jar.
login() {
  local role=$1 email=$2 password=$3 jar="$WORK/$1.jar" token answer
  rm -f "$jar"
  qcurl "$jar" -o "$WORK/login.html" "$BASE/login"
  token=$(csrf_from "$WORK/login.html")
  [[ -n $token ]] || die "no _csrf field on /login"
  answer=$(qcurl "$jar" -o /dev/null -w '%{http_code} %{redirect_url}' --data-urlencode "username=$email" \
    --data-urlencode "password=$password" --data-urlencode "_csrf=$token" "$BASE/login")
  [[ $answer == 302* && $answer != *error* && $answer != *login* ]] \
    || die "sign-in of $role $email failed: $answer (wrong --*-password? locked after 5 tries?)"
  [[ -n $(cookie "$jar" SESSION) ]] || die "sign-in of $role gave no SESSION cookie"
  log "signed in $role as $email"
}

# A fresh masked CSRF token for ROLE, read from the form of PATH (default the new-ticket page).
csrf_for() {
  qcurl "$WORK/$1.jar" -o "$WORK/form.html" "$BASE${2:-/tickets/new}"
  csrf_from "$WORK/form.html"
}

# one_request ROLE PATH: "status bytes ms" — HTTP status and size of one GET, median time of 5.
one_request() {
  local jar="$WORK/$1.jar" path=$2 times=() status size t
  [[ $1 == anonymous ]] && jar=/dev/null
  for _ in 1 2 3 4 5; do
    read -r status size t < <(qcurl "$jar" -o /dev/null -w '%{http_code} %{size_download} %{time_total}\n' "$BASE$path")
    times+=("$t")
  done
  printf '%s %s %s\n' "$status" "$size" "$(to_ms "$(printf '%s\n' "${times[@]}" | median)")"
}

# wrk latency ("12.34ms", "1.02s", "850.00us") to milliseconds.
wrk_ms() {
  awk -v v="$1" 'BEGIN { n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
    if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000
    printf (n < 10 ? "%.1f" : "%.0f"), n }'
}

# run_wrk ROLE PATH CONNECTIONS: "req/s p99ms errors" (errors = non-2xx/3xx + socket errors).
run_wrk() {
  local role=$1 path=$2 c=$3 out rps p99 non2xx sockerr headers=()
  [[ $role != anonymous ]] && headers+=(-H "Cookie: $(cookie_header "$WORK/$role.jar")")
  [[ -n $ACCEPT_ENCODING ]] && headers+=(-H "Accept-Encoding: $ACCEPT_ENCODING")
  out=$(wrk -t2 -c"$c" -d"$DURATION" --timeout 30s --latency "${headers[@]}" "$BASE$path" 2>&1)
  printf '### %s %s c%s\n%s\n' "$role" "$path" "$c" "$out" >> "$WORK/wrk.log"
  rps=$(awk '/^Requests\/sec:/ { printf "%.1f", $2 }' <<<"$out")
  p99=$(awk '$1 == "99%" { print $2 }' <<<"$out")
  non2xx=$(awk -F: '/Non-2xx or 3xx responses/ { gsub(/ /, "", $2); print $2 }' <<<"$out")
  sockerr=$(awk '/Socket errors/ { gsub(/[^0-9 ]/, " "); print $1 + $2 + $3 + $4 }' <<<"$out")
  printf '%s %s %s\n' "${rps:-?}" "$( [[ -n $p99 ]] && wrk_ms "$p99" || echo '?')" "$(( ${non2xx:-0} + ${sockerr:-0} ))"
}

# timed_post ROLE PATH FIELD=VALUE...: "ms status location" of one form POST (CSRF token added).
timed_post() {
  local role=$1 path=$2 args=() field; shift 2
  for field in "$@"; do args+=(--data-urlencode "$field"); done
  qcurl "$WORK/$role.jar" -o /dev/null -w '%{time_total} %{http_code} %{redirect_url}\n' \
    "${args[@]}" --data-urlencode "_csrf=$CSRF" "$BASE$path" \
    | awk '{ printf "%.1f %s %s\n", $1 * 1000, $2, $3 }'
}

# start_app LOG DIR h2|postgresql: starts APP_JAR in DIR as the Procfile does (memory flags, then
# JAVA_OPTS) and waits until it is ready. h2 = the embedded demo: no datasource settings, demo data
# on the first start. Sets APP_PID, STARTED_S (the log's "Started … in X seconds") and READY_S
# (wall clock from launch to the first 200 of the readiness probe).
start_app() {
  local log=$1 dir=$2 mode=$3 started_ns
  started_ns=$(date +%s%N)
  local env=(MALLOC_ARENA_MAX=2)
  [[ $mode == h2 ]] && env=(-u SPRING_DATASOURCE_URL -u SPRING_DATASOURCE_USERNAME -u SPRING_DATASOURCE_PASSWORD
    MALLOC_ARENA_MAX=2 QUEUEDESK_DEMO_DATA=auto)
  # shellcheck disable=SC2086 # flag lists, as in the Procfile
  (cd "$dir" && exec env "${env[@]}" java -Dserver.port="$PORT" $MEMORY_FLAGS ${JAVA_OPTS:-} $CDS_FLAGS \
    -jar "$APP_JAR" > "$log" 2>&1) &
  APP_PID=$!
  until [[ $(curl -s "$BASE/actuator/health/readiness" 2>/dev/null) == *'"UP"'* ]]; do
    kill -0 "$APP_PID" 2>/dev/null || { tail -n 30 "$log"; die "the application exited (log: $log)"; }
    (( $(date +%s%N) - started_ns < 300000000000 )) || die "not ready after 300 s (log: $log)"
    sleep 0.1
  done
  READY_S=$(awk -v n="$(( $(date +%s%N) - started_ns ))" 'BEGIN { printf "%.1f", n / 1e9 }')
  STARTED_S=$(grep -o -m1 'Started QueuedeskApplication in [0-9.]* seconds' "$log" | awk '{ print $4 }')
  log "ready after ${READY_S}s (log: Started in ${STARTED_S}s)"
}

# Stops the app started last (SIGTERM: graceful shutdown) and waits for it to exit.
stop_app() {
  [[ -n ${APP_PID:-} ]] || return 0
  kill "$APP_PID" 2>/dev/null || true
  wait "$APP_PID" 2>/dev/null || true
  APP_PID=''
}

# Max resident set size (KB) sampled every second into FILE while PID lives.
sample_rss() {
  local pid=$1 file=$2 max=0 rss
  while kill -0 "$pid" 2>/dev/null; do
    rss=$(ps -o rss= -p "$pid" 2>/dev/null | tr -d ' ')
    if [[ -n $rss ]] && (( rss > max )); then max=$rss; echo "$max" > "$file"; fi
    sleep 1
  done
}
