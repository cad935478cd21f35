#!/usr/bin/env bash
# Queuedesk benchmark (issue 11): data set on PostgreSQL, the jar started as the Procfile does,
# wrk over every page at 16 and 64 connections, timed writes, RSS and start-up; one markdown report.
# Usage and the meaning of every column: docs/PERFORMANCE.md, "Running the benchmark".
#
#   scripts/bench/bench.sh [--tickets=N] [--data=generated|demo] [--database=NAME] [--reuse]
#                          [--duration=20s] [--connections=16,64] [--quick] [--port=8089] [--jar=PATH] [--cds] [--no-demo-startup]
#                          [--writes=20] [--no-gzip] [--admin=EMAIL] [--developer=EMAIL]
#                          [--submitter=EMAIL] [--password=PW] [--admin-password=PW]
#                          [--frequent-word=W] [--rare-word=W] [--user-query=Q] [--client=ID]
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=scripts/bench/lib.sh
. scripts/bench/lib.sh

TICKETS=1000000 DATA=generated DB='' REUSE=false DURATION=20s WARMUP=10s CONNECTIONS=16,64 PORT=8089 WRITES=20
ACCEPT_ENCODING='gzip, deflate, br' FREQUENT='' RARE='' USER_QUERY=''
BIG='' ADMIN='' DEVELOPER='' SUBMITTER='' PASSWORD='' ADMIN_PASSWORD=''
PG_HOST=${PGHOST:-127.0.0.1} PG_PORT=${PGPORT:-5432} PG_USER=${PGUSER:-postgres}
JAR=target/queuedesk.jar CDS=false DEMO_STARTUP=true
MEMORY_FLAGS='-Xmx192m -Xss512k -XX:+UseSerialGC -XX:ReservedCodeCacheSize=64m'
for arg in "$@"; do
  case $arg in
    --tickets=*) TICKETS=${arg#*=} ;;
    --data=*) DATA=${arg#*=} ;;
    --database=*) DB=${arg#*=} ;;
    --reuse) REUSE=true ;;
    --duration=*) DURATION=${arg#*=} ;;
    --connections=*) CONNECTIONS=${arg#*=} ;;
    --quick) DURATION=3s WARMUP=2s CONNECTIONS=16 WRITES=5 DEMO_STARTUP=false ;;
    --port=*) PORT=${arg#*=} ;;
    --jar=*) JAR=${arg#*=} ;;
    --cds) CDS=true ;;
    --no-demo-startup) DEMO_STARTUP=false ;;
    --writes=*) WRITES=${arg#*=} ;;
    --no-gzip) ACCEPT_ENCODING='' ;;
    --admin=*) ADMIN=${arg#*=} ;;
    --developer=*) DEVELOPER=${arg#*=} ;;
    --submitter=*) SUBMITTER=${arg#*=} ;;
    --password=*) PASSWORD=${arg#*=} ;;
    --admin-password=*) ADMIN_PASSWORD=${arg#*=} ;;
    --frequent-word=*) FREQUENT=${arg#*=} ;;
    --rare-word=*) RARE=${arg#*=} ;;
    --user-query=*) USER_QUERY=${arg#*=} ;;
    --client=*) BIG=${arg#*=} ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) die "unknown option $arg (see --help)" ;;
  esac
done
[[ $DATA == generated || $DATA == demo ]] || die "--data must be generated or demo"
[[ -n $DB ]] || { [[ $DATA == demo ]] && DB=qd_bench_demo || DB=qd_bench_$TICKETS; }
for tool in wrk curl psql java; do command -v "$tool" >/dev/null || die "$tool is missing (apt-get install wrk curl postgresql-client)"; done

STAMP=$(date -u +%Y-%m-%dT%H%M%SZ) LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
OUT=target/bench; WORK=$PWD/$OUT/run-$STAMP; mkdir -p "$WORK"
BASE=http://127.0.0.1:$PORT
curl -s -o /dev/null "$BASE/" && die "port $PORT is already in use (--port=…)"

# 1. The jar.
if [[ ! -f $JAR ]]; then log "building $JAR"; ./mvnw -q -DskipTests package; fi
JAR=$(realpath "$JAR") APP_JAR=$(realpath "$JAR")
JAR_NOTE="\`${JAR#"$PWD"/}\` built $(date -u -r "$JAR" '+%Y-%m-%d %H:%M UTC')"
if [[ -n $(find src pom.xml -newer "$JAR" -type f 2>/dev/null | head -n 1) ]]; then
  JAR_NOTE+=" (**older than the sources**: rebuild with ./mvnw -q -DskipTests package)"
  log "warning: $JAR is older than the sources"
fi

# The application's database settings (README "Configuration"); nothing else from the caller's shell.
unset DATABASE_URL
export SPRING_DATASOURCE_URL=jdbc:postgresql://$PG_HOST:$PG_PORT/$DB SPRING_DATASOURCE_USERNAME=$PG_USER \
  SPRING_DATASOURCE_PASSWORD=${PGPASSWORD:-} QUEUEDESK_DEMO_DATA=false

# 2. The data set. Accounts and search words: options, else what generate-data printed, else defaults.
GEN_LOG=$OUT/generate-$DB.log
if [[ $REUSE == false ]]; then
  [[ $DB == qd_bench* ]] || die "will only drop and create databases named qd_bench*; use --reuse for $DB"
  log "re-creating database $DB"
  sql "DROP DATABASE IF EXISTS \"$DB\" WITH (FORCE)" postgres
  sql "CREATE DATABASE \"$DB\"" postgres
  started=$(date +%s)
  if [[ $DATA == demo ]]; then
    java -jar "$JAR" populate-database > "$GEN_LOG" 2>&1 || { tail -n 20 "$GEN_LOG"; die "populate-database failed"; }
  else
    log "generate-data --tickets=$TICKETS --seed=1 (minutes for 1M)"
    java -jar "$JAR" generate-data --tickets="$TICKETS" --seed=1 > "$GEN_LOG" 2>&1 \
      || { tail -n 20 "$GEN_LOG"; die "generate-data failed (not in this jar yet? try --data=demo)"; }
  fi
  GEN_SECONDS=$(( $(date +%s) - started ))
  log "data set ready in ${GEN_SECONDS}s"
fi
sql 'select 1' >/dev/null || die "database $DB is not reachable"
if [[ $DATA == demo ]]; then
  : "${ADMIN:=admin@example.com}" "${DEVELOPER:=developer1@example.com}" "${SUBMITTER:=user@example.com}"
  : "${ADMIN_PASSWORD:=adminP@55word}" "${PASSWORD:=P@55word}" "${FREQUENT:=login}" "${RARE:=export}"
else
  # generate-data prints the accounts, their password and a frequent and a rare search word, e.g.
  #   Sign in as admin1@load.example, developer1@load.example or user1@load.example with password loadP@55word
  #   Search words: frequent 'reconciliation' (~1.7 % of titles), rare 'ombudsman' (12 tickets).
  printed_word() { [[ -f $GEN_LOG ]] && sed -n -E "s/.*$1( search)?( words?)?[[:space:]:=]*['\"]?([^'\" ,;()]+).*/\3/Ip" "$GEN_LOG" | head -n 1; }
  printed_email() { [[ -f $GEN_LOG ]] && grep -o -E "\\b$1[0-9]*@[[:alnum:].-]*[[:alnum:]]" "$GEN_LOG" | head -n 1; }
  : "${PASSWORD:=$(printed_word password)}" "${FREQUENT:=$(printed_word frequent)}" "${RARE:=$(printed_word rare)}"
  : "${ADMIN:=$(printed_email admin)}" "${DEVELOPER:=$(printed_email developer)}" "${SUBMITTER:=$(printed_email user)}"
  : "${ADMIN:=admin1@load.example}" "${DEVELOPER:=developer1@load.example}" "${SUBMITTER:=user1@load.example}"
  : "${PASSWORD:=loadP@55word}" "${FREQUENT:=reconciliation}" "${RARE:=ombudsman}"
  : "${ADMIN_PASSWORD:=$PASSWORD}"
fi
: "${USER_QUERY:=$(sed -E 's/[0-9]*@.*//' <<<"$SUBMITTER")}"

# 3. Start the jar with the Procfile's flags; start-up from its log line and to the first ready 200.
APP_PID='' RSS_PID=''
trap 'stop_app; [[ -n $RSS_PID ]] && kill "$RSS_PID" 2>/dev/null; true' EXIT
CDS_FLAGS=''
if [[ $CDS == true ]]; then
  log "building the class data sharing archive (scripts/build-cds.sh)"
  JAVA_OPTS="$MEMORY_FLAGS ${JAVA_OPTS:-}" bash scripts/build-cds.sh "$JAR" "$WORK/app" > "$WORK/cds.log" 2>&1 \
    || { tail -n 20 "$WORK/cds.log"; die "scripts/build-cds.sh failed"; }
  CDS_FLAGS="-XX:SharedArchiveFile=$WORK/app/queuedesk.jsa" APP_JAR=$WORK/app/$(basename "$JAR")
fi
if [[ $DEMO_STARTUP == true ]]; then
  # The demo's start-up (issue 11's target): the embedded H2 in a fresh ./data, started twice.
  mkdir -p "$WORK/h2"
  log "demo start-up on the embedded H2: first start (creates the demo data)"
  start_app "$WORK/h2-first.log" "$WORK/h2" h2; DEMO_FIRST="$STARTED_S s / $READY_S s"; stop_app
  log "demo start-up on the embedded H2: second start"
  start_app "$WORK/h2-second.log" "$WORK/h2" h2; DEMO_SECOND="$STARTED_S s / $READY_S s"; stop_app
fi
log "starting the application on port $PORT"
APP_LOG=$WORK/app.log
start_app "$APP_LOG" . postgresql
RSS_FILE=$WORK/rss-max; echo 0 > "$RSS_FILE"
sample_rss "$APP_PID" "$RSS_FILE" & RSS_PID=$!

# 4. Sign in each role.
login admin "$ADMIN" "$ADMIN_PASSWORD"
login developer "$DEVELOPER" "$PASSWORD"
login submitter "$SUBMITTER" "$PASSWORD"

# 5. The ids the pages need.
[[ -n $BIG ]] || BIG=$(sql "select client_id from tickets where status <> 'COMPLETED' group by client_id order by count(*) desc, client_id limit 1")
BIG_QUEUED=$(sql "select count(*) from tickets where client_id = $BIG and status <> 'COMPLETED'")
AREA=$(sql "select min(id) from product_areas where active")
SUBMITTER_TICKETS=$(sql "select count(*) from tickets t join users u on u.id = t.submitter_id where u.email = lower('$SUBMITTER')")
read -r TICKET COMMENTS < <(sql "select ticket_id, count(*) from comments group by ticket_id order by 2 desc, 1 limit 1" | tr '|' ' ') || true
if [[ -z ${TICKET:-} ]]; then TICKET=$(sql "select min(id) from tickets where client_id = $BIG"); COMMENTS=0; fi
CSRF=$(csrf_for admin)
if (( COMMENTS < 30 )); then
  log "adding $(( 30 - COMMENTS )) comments to ticket $TICKET (it has $COMMENTS)"
  for (( i = COMMENTS; i < 30; i++ )); do
    timed_post admin "/tickets/$TICKET/comments" "body=Benchmark comment $i: the page shows thirty of these." >/dev/null
  done
  COMMENTS=$(sql "select count(*) from comments where ticket_id = $TICKET")
fi
log "big client $BIG ($BIG_QUEUED queued), ticket $TICKET ($COMMENTS comments), search '$FREQUENT' / '$RARE'"

# 6. Every page: one request (median of 5, after wrk, on an idle server) and wrk per connection count.
IFS=, read -r -a CONNS <<<"$CONNECTIONS"
PAGES=(
  "anonymous|/login"
  "admin|/account/password"
  "admin|/tickets"
  "admin|/tickets?client=$BIG"
  "admin|/tickets?q=$FREQUENT"
  "admin|/tickets?q=$RARE"
  "admin|/tickets?sort=targetDate"
  "admin|/tickets?page=5000"
  "admin|/queues/$BIG"
  "admin|/admin"
  "admin|/admin/activity"
  "admin|/archive?q=$FREQUENT"
  "developer|/my/tickets"
  "submitter|/my/tickets"
  "admin|/api/tickets?client=$BIG"
  "admin|/tickets/$TICKET"
  "admin|/admin/users?q=$USER_QUERY"
)
log "warming up (wrk on /tickets and /login)"
DURATION=$WARMUP run_wrk admin /tickets 16 >/dev/null
DURATION=$WARMUP run_wrk anonymous /login 16 >/dev/null

header="| page (admin unless said) | status | KB | one request ms |" rule="|---|---|---|---|"
for c in "${CONNS[@]}"; do header+=" req/s c$c | p99 ms c$c |"; rule+="---|---|"; done
ROWS="$header errors (${CONNECTIONS//,/ / }) |"$'\n'"$rule---|"$'\n'
for entry in "${PAGES[@]}"; do
  role=${entry%%|*} path=${entry#*|}
  log "page $path ($role)"
  read -r status _ _ < <(one_request "$role" "$path")
  row="" errors=0 per_c=""
  for c in "${CONNS[@]}"; do
    read -r rps p99 err < <(run_wrk "$role" "$path" "$c")
    row+=" $rps | $p99 |"; errors=$(( errors + err )); per_c+="${per_c:+ / }$err"
  done
  read -r status size ms < <(one_request "$role" "$path")
  label="\`$path\`"; [[ $role != admin ]] && label+=" ($role)"
  [[ $status == 200 ]] || label+=" **HTTP $status**"
  (( errors == 0 )) || label+=" **$errors failed under load**"
  ROWS+="| $label | $status | $(awk -v b="$size" 'BEGIN { printf "%.1f", b / 1024 }') | $ms |$row $per_c |"$'\n'
done

# 7. Writes, as the admin, each the median of WRITES POSTs (a 302 back to a page is success).
declare -A WRITE_MS=()
write_row() { # NAME FILE [FAILED-CHECKS]: median of the times in FILE; failures = answers other than 302
  local bad; bad=$(( $(awk '$2 != 302' "$2" | wc -l) + ${3:-0} ))
  WRITE_MS[$1]="$(awk '{ print $1 }' "$2" | median) | $(awk 'NR == 1 { print $1 }' "$2") | $(wc -l < "$2") | $bad"
}
CSRF=$(csrf_for admin)
log "writes: create at the top of queue $BIG"
created=()
for (( i = 1; i <= WRITES; i++ )); do
  timed_post admin /tickets/new "title=Benchmark ticket $i" "description=Created by scripts/bench at the top of the queue." \
    "clientId=$BIG" "productAreaId=$AREA" "topOfQueue=true" | tee -a "$WORK/create" > "$WORK/last"
  read -r _ _ location < "$WORK/last"
  [[ ${location:-} =~ /tickets/([0-9]+)$ ]] && created+=("${BASH_REMATCH[1]}")
done
top=$(sql "select id from tickets where client_id = $BIG and queue_rank is not null order by queue_rank limit 1")
write_row "create at the top of the big queue" "$WORK/create" "$([[ $top == "${created[-1]:-}" ]] && echo 0 || echo 1)"
log "writes: move bottom → top"
for (( i = 1; i <= WRITES; i++ )); do
  bottom=$(sql "select id from tickets where client_id = $BIG and queue_rank is not null order by queue_rank desc limit 1")
  timed_post admin "/tickets/$bottom/move" to=top >> "$WORK/move"
done
top=$(sql "select id from tickets where client_id = $BIG and queue_rank is not null order by queue_rank limit 1")
write_row "move bottom → top of the big queue" "$WORK/move" "$([[ $top == "$bottom" ]] && echo 0 || echo 1)"
log "writes: comment"
for (( i = 1; i <= WRITES; i++ )); do
  timed_post admin "/tickets/${created[0]:-$TICKET}/comments" "body=Benchmark comment $i" >> "$WORK/comment"
done
write_row "add a comment" "$WORK/comment"
log "writes: complete (accept and start untimed)"
for id in "${created[@]}"; do
  timed_post admin "/tickets/$id/transition" to=ACCEPTED >/dev/null
  timed_post admin "/tickets/$id/transition" to=IN_PROGRESS >/dev/null
  timed_post admin "/tickets/$id/transition" to=COMPLETED >> "$WORK/complete"
done
n_done=$(sql "select count(*) from tickets where id in ($(IFS=,; echo "${created[*]:-0}")) and status = 'COMPLETED'")
write_row "complete (In progress → Completed)" "$WORK/complete" "$(( WRITES - n_done ))"

# 8./9. The report.
kill "$RSS_PID" 2>/dev/null || true; RSS_PID=''
RSS_MB=$(( $(cat "$RSS_FILE") / 1024 ))
COMMIT=$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src pom.xml 2>/dev/null || echo '+changes')
REPORT=$OUT/results-$STAMP.md
{
  echo "## Benchmark $(date -u '+%Y-%m-%d %H:%M UTC'), commit $COMMIT"
  echo
  echo "Data: $DATA, database \`$DB\`$([[ $DATA == generated ]] && echo ", --tickets=$TICKETS")$([[ $REUSE == true ]] && echo ' (reused)')${GEN_SECONDS:+, built in ${GEN_SECONDS} s};" \
    "$(sql "select count(*) from tickets") tickets, big client $BIG with $BIG_QUEUED queued, ticket $TICKET with $COMMENTS comments," \
    "submitter with $SUBMITTER_TICKETS tickets; search words \`$FREQUENT\` / \`$RARE\`."
  echo "Machine: $(nproc) cores, load average before the run $LOAD_BEFORE, after $(cut -d' ' -f1-3 /proc/loadavg);" \
    "$(java -version 2>&1 | head -n 1); PostgreSQL $(sql "show server_version" | awk "{ print \$1 }")."
  echo "Jar: $JAR_NOTE."
  echo "wrk -t2 -d$DURATION --timeout 30s --latency$([[ -n $ACCEPT_ENCODING ]] && echo ", Accept-Encoding: $ACCEPT_ENCODING"); one request = median of 5 with curl; KB as transferred."
  echo
  printf '%s' "$ROWS"
  echo
  echo "| write (admin) | median ms | first ms | count | failed |"
  echo "|---|---|---|---|---|"
  for name in "create at the top of the big queue" "move bottom → top of the big queue" "complete (In progress → Completed)" "add a comment"; do
    echo "| $name | ${WRITE_MS[$name]} |"
  done
  echo
  echo "Max RSS under the run: **$RSS_MB MB** ($MEMORY_FLAGS${JAVA_OPTS:+ $JAVA_OPTS}, MALLOC_ARENA_MAX=2${CDS_FLAGS:+, class data sharing archive})."
  echo
  echo "| start-up$([[ -n $CDS_FLAGS ]] && echo ' (with the CDS archive)') | \"Started QueuedeskApplication in\" | launch to first ready 200 |"
  echo "|---|---|---|"
  [[ $DEMO_STARTUP == true ]] && echo "| demo, embedded H2, first start (creates the demo data) | ${DEMO_FIRST% / *} | ${DEMO_FIRST#* / } |" \
    && echo "| demo, embedded H2, second start | ${DEMO_SECOND% / *} | ${DEMO_SECOND#* / } |"
  echo "| this run, PostgreSQL \`$DB\` | ${STARTED_S:-?} s | $READY_S s |"
} > "$REPORT"
cat "$REPORT"
log "saved $REPORT (wrk output: $WORK/wrk.log, app log: $APP_LOG)"
