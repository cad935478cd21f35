#!/usr/bin/env bash
# What durable commits cost on the embedded H2 (issue 12): the jar twice on H2 files of their own,
# one with the default URL (WRITE_DELAY=0: each commit written to the file before it returns), one
# with H2's own default delay (WRITE_DELAY=500); the same admin creates N tickets over HTTP on each,
# P requests at a time, timed by farm-bench in turns (A B A B …). Quote the medians and the ratio.
#
#   scripts/bench/h2-commits.sh [N=200] [P=4] [RUNS=5]
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-200} P=${2:-4} RUNS=${3:-5}
JAR=$(realpath target/queuedesk.jar)
WORK=$(mktemp -d /tmp/qd-h2-commits.XXXXXX)
PIDS=()
trap 'for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; wait' EXIT
DEFAULT_URL=$(sed -n 's/^spring.datasource.url=//p' src/main/resources/application.properties)

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# start NAME URL: the jar in $WORK/NAME with the demo data (admin, clients); prints its port.
start() {
  local dir=$WORK/$1 port
  port=$(free_port)
  mkdir -p "$dir"
  (cd "$dir" && exec env -u DATABASE_URL SPRING_DATASOURCE_URL="$2" QUEUEDESK_DEMO_DATA=auto \
    QUEUEDESK_MAIL_WORKER_ENABLED=false MALLOC_ARENA_MAX=2 java -Dserver.port="$port" -Xmx192m -XX:+UseSerialGC \
    -jar "$JAR" > "$dir/app.log" 2>&1) &
  PIDS+=($!)
  until [[ $(curl -s "http://127.0.0.1:$port/actuator/health/readiness") == *'"UP"'* ]]; do sleep 0.2; done
  # Sign in once; every run reuses the session and its CSRF token.
  local jar=$dir/cookies token
  token=$(curl -s -c "$jar" -b "$jar" "http://127.0.0.1:$port/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | cut -d'"' -f4)
  curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "_csrf=$token" -d username=admin@example.com \
    --data-urlencode 'password=adminP@55word' "http://127.0.0.1:$port/login"
  token=$(curl -s -c "$jar" -b "$jar" "http://127.0.0.1:$port/tickets/new" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | cut -d'"' -f4)
  printf '%s %s %s\n' "$port" "$jar" "$token" > "$dir/session"
}

# The timed command: N creates, P at a time, each must answer 302 (else the run fails).
cat > "$WORK/creates.sh" <<'EOF'
#!/usr/bin/env bash
set -euo pipefail
read -r port jar token < "$1/session"
seq "$2" | xargs -P "$3" -I{} curl -s -o /dev/null -w '%{http_code}\n' -b "$jar" \
  --data-urlencode "_csrf=$token" -d "title=Bench {}" -d "description=Commit cost" -d clientId=1 -d productAreaId=1 \
  "http://127.0.0.1:$port/tickets/new" | grep -v '^302$' && exit 1 || exit 0
EOF

start durable "$DEFAULT_URL"
start delayed "${DEFAULT_URL/WRITE_DELAY=0/WRITE_DELAY=500}"
grep -q 'WRITE_DELAY=500' "$WORK/delayed/app.log" || echo "note: no WRITE_DELAY warning in the delayed app's log"
echo "A = WRITE_DELAY=0 (default), B = WRITE_DELAY=500; $N creates, $P at a time"
farm-bench -n "$RUNS" --timeout 900 --vs "bash $WORK/creates.sh $WORK/delayed $N $P" \
  -- bash "$WORK/creates.sh" "$WORK/durable" "$N" "$P"
# The cost in space: each commit of A writes a chunk of its own, and without H2's background
# writer nothing rewrites sparse chunks while the app runs (closing compacts for a moment).
sizes() { for name in durable delayed; do printf '%s %s: %s bytes\n' "$1" "$name" "$(stat -c %s "$WORK/$name/data/queuedesk.mv.db")"; done; }
sizes "while running"
sleep 60
sizes "after 60 s idle"
for pid in "${PIDS[@]}"; do kill "$pid"; done
wait
PIDS=()
sizes "after a normal stop"
