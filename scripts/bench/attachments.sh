#!/usr/bin/env bash
# What attachments cost (issue 14), measured with the jar (-Xmx256m, as the issue says) on the
# embedded H2 and on PostgreSQL; the figures are in docs/PERFORMANCE.md ("Attachments").
#  1. Upload (POST /tickets/1/attachments) and download (GET /attachments/{id}) of one 10 MiB file
#     of random bytes, RUNS times after one warm-up, for chunk sizes of 64 KiB, 256 KiB and 1 MiB
#     (AttachmentStore.CHUNK_BYTES, set for this script only by -Dqueuedesk.bench.chunk-bytes);
#     side by side in turns; prints curl's median time_total of each.
#  2. 8 parallel uploads of 10 MiB (default chunk size): the heap's live set after each full GC
#     (-Xlog:gc, the largest during the uploads; none if no full GC came), the most heap in use (jstat, every 100 ms)
#     and the process's peak RSS (VmHWM) against its RSS before.
#  3. A ticket page with 20 PNG screenshots of 1920×1080 (scripts/bench/Screenshots.java): the
#     bytes a browser fetches for the 20 server thumbnails against the 20 originals, and the
#     upload's time with thumbnails against the same bytes made unrecognisable (first byte
#     changed: no image type, so no thumbnail), 10 files a request.
#
#   scripts/bench/attachments.sh [RUNS=5] [PG_DB=qd_attach_bench]   (PG_DB and PG_DB_0…2 are dropped and made anew)     (needs target/queuedesk.jar)
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-5} BASE_DB=${2:-qd_attach_bench}
PG_DB=$BASE_DB
PG_HOST=${PGHOST:-127.0.0.1} PG_PORT=${PGPORT:-5432} PG_USER=${PGUSER:-postgres}
JAR=$(realpath target/queuedesk.jar)
WORK=$(mktemp -d /tmp/qd-attach-bench.XXXXXX)
APP=
trap 'kill $(jobs -p) 2>/dev/null || true; wait; rm -rf "$WORK"' EXIT
DEFAULT_URL=$(sed -n 's/^spring.datasource.url=//p' src/main/resources/application.properties)

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR) print v[int((NR + 1) / 2)] }'; }
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
csrf() { grep -o 'name="_csrf" value="[^"]*"' | head -1 | cut -d'"' -f4; }

# start DB [JAVA OPTION…]: the jar on a fresh H2 file or a fresh PostgreSQL database, demo data
# loaded, signed in as the admin; sets APP, PORT, JAR_C (cookies), TOKEN.
start() {
  local db=$1 dir url
  shift
  dir=$WORK/app-$RANDOM
  mkdir -p "$dir"
  if [[ $db == h2 ]]; then
    url=$DEFAULT_URL
  else
    psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -qc "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" \
      -c "CREATE DATABASE $PG_DB" >/dev/null
    url=jdbc:postgresql://$PG_HOST:$PG_PORT/$PG_DB
  fi
  PORT=$(free_port)
  (cd "$dir" && exec env -u DATABASE_URL SPRING_DATASOURCE_URL="$url" SPRING_DATASOURCE_USERNAME="$PG_USER" \
    QUEUEDESK_DEMO_DATA=true QUEUEDESK_MAIL_WORKER_ENABLED=false QUEUEDESK_ATTACHMENT_MAX_FILES=20 \
    java -Xmx256m -XX:+UseSerialGC -Xlog:gc:file="$dir/gc.log" "$@" -Dserver.port="$PORT" -jar "$JAR" \
    > "$dir/app.log" 2>&1) &
  APP=$!
  GC_LOG=$dir/gc.log
  until [[ $(curl -s "http://127.0.0.1:$PORT/actuator/health/readiness") == *'"UP"'* ]]; do
    kill -0 "$APP" 2>/dev/null || { tail -20 "$dir/app.log"; exit 1; }
    sleep 0.3
  done
  JAR_C=$dir/cookies
  TOKEN=$(curl -s -c "$JAR_C" -b "$JAR_C" "http://127.0.0.1:$PORT/login" | csrf)
  curl -s -o /dev/null -c "$JAR_C" -b "$JAR_C" --data-urlencode "_csrf=$TOKEN" -d username=admin@example.com \
    --data-urlencode 'password=adminP@55word' "http://127.0.0.1:$PORT/login"
  TOKEN=$(curl -s -c "$JAR_C" -b "$JAR_C" "http://127.0.0.1:$PORT/tickets/1" | csrf)
}
stop() { kill "$APP"; wait "$APP" || true; APP=; }

# upload FILE…: one request with the files on ticket 1; prints curl's time_total (fails unless 302).
upload() {
  local args=() f
  for f in "$@"; do args+=(-F "files=@$f;type=application/octet-stream"); done
  curl -s -o /dev/null -b "$JAR_C" -H "X-XSRF-TOKEN: $TOKEN" -w '%{http_code} %{time_total}\n' "${args[@]}" \
    "http://127.0.0.1:$PORT/tickets/1/attachments" | awk '$1 != 302 { exit 1 } { print $2 }'
}
# ids of ticket 1's files, newest last.
ids() { curl -s -b "$JAR_C" "http://127.0.0.1:$PORT/tickets/1" | grep -o '/attachments/[0-9]*"' | tr -dc '0-9\n' | sort -n | uniq; }

head -c $((10 * 1024 * 1024)) /dev/urandom > "$WORK/10mib.bin"
echo "## 1. One 10 MiB file, median of $RUNS (seconds, curl time_total)"
# The three chunk sizes run side by side, one request each in turn (64K 256K 1M 64K …), so that
# a busy moment of the machine falls on all three alike.
CHUNKS=(65536 262144 1048576)
for db in h2 pg; do
  apps=() ports=() jars=() tokens=()
  for c in "${!CHUNKS[@]}"; do
    PG_DB=${BASE_DB}_$c start "$db" -Dqueuedesk.bench.chunk-bytes="${CHUNKS[$c]}"
    apps+=("$APP") ports+=("$PORT") jars+=("$JAR_C") tokens+=("$TOKEN") APP=
    : > "$WORK/up$c" && : > "$WORK/down$c"
  done
  for run in $(seq 0 "$RUNS"); do
    for c in "${!CHUNKS[@]}"; do
      PORT=${ports[$c]} JAR_C=${jars[$c]} TOKEN=${tokens[$c]}
      t=$(upload "$WORK/10mib.bin")
      id=$(ids | tail -1)
      d=$(curl -s -o "$WORK/down.bin" -b "$JAR_C" -w '%{time_total}' "http://127.0.0.1:$PORT/attachments/$id?download=true")
      cmp -s "$WORK/10mib.bin" "$WORK/down.bin" || { echo "download $id differs"; exit 1; }
      if ((run > 0)); then echo "$t" >> "$WORK/up$c"; echo "$d" >> "$WORK/down$c"; fi
    done
  done
  for c in "${!CHUNKS[@]}"; do
    printf '%-3s chunk %7d B: upload %s s, download %s s\n' "$db" "${CHUNKS[$c]}" \
      "$(median < "$WORK/up$c")" "$(median < "$WORK/down$c")"
    kill "${apps[$c]}"; wait "${apps[$c]}" || true
  done
done

echo "## 2. 8 parallel uploads of 10 MiB (chunk 256 KiB, -Xmx256m)"
for i in $(seq 8); do head -c $((10 * 1024 * 1024)) /dev/urandom > "$WORK/p$i.bin"; done
for db in h2 pg; do
  start "$db"
  sleep 2
  rss_before=$(awk '/VmRSS/ { print $2 }' "/proc/$APP/status")
  gc_from=$(wc -l < "$GC_LOG")
  jstat -gc "$APP" 100 > "$WORK/jstat.txt" &
  JSTAT=$!
  started=$(date +%s.%N)
  uploads=()
  for i in $(seq 8); do upload "$WORK/p$i.bin" > "$WORK/t$i" & uploads+=($!); done
  for pid in "${uploads[@]}"; do wait "$pid" || { echo "an upload failed"; exit 1; }; done
  ended=$(date +%s.%N)
  kill "$JSTAT"
  # jstat columns: S0U S1U EU OU are the used parts of the heap (KB)
  heap_peak=$(awk 'NR > 1 && $1 ~ /^[0-9.]+$/ { u = $3 + $4 + $6 + $8; if (u > m) m = u } END { printf "%.0f", m / 1024 }' "$WORK/jstat.txt")
  live_peak=$(tail -n +"$gc_from" "$GC_LOG" | grep 'Pause Full' | grep -o '[0-9]*M->[0-9]*M' | sed 's/.*->//; s/M//' | sort -n | tail -1 || true)
  printf '%-3s: 8 uploads in %.1f s (each %s s); heap in use at most %s MiB, live after a full GC at most %s MiB; RSS %s MiB before, peak %s MiB\n' \
    "$db" "$(echo "$ended - $started" | bc)" "$(cat "$WORK"/t? | median)" "$heap_peak" "${live_peak:-(no full GC)}" \
    "$((rss_before / 1024))" "$(($(awk '/VmHWM/ { print $2 }' "/proc/$APP/status") / 1024))"
  stop
done

echo "## 3. Ticket page with 20 screenshots"
java scripts/bench/Screenshots.java "$WORK/shots" 20
mkdir -p "$WORK/plain"
for f in "$WORK"/shots/*.png; do
  { printf 'X'; tail -c +2 "$f"; } > "$WORK/plain/$(basename "$f" .png).bin"
done
for db in h2 pg; do
  start "$db"
  with=() without=()
  for run in $(seq 0 "$RUNS"); do
    t1=$(upload "$WORK"/shots/screenshot-0?.png) t2=$(upload "$WORK"/shots/screenshot-1?.png)
    p1=$(upload "$WORK"/plain/screenshot-0?.bin) p2=$(upload "$WORK"/plain/screenshot-1?.bin)
    if ((run > 0)); then
      with+=("$(echo "$t1 + $t2" | bc)") without+=("$(echo "$p1 + $p2" | bc)")
    fi
  done
  # The page's pictures: the last 20 screenshots uploaded (the .bin files have no thumbnail).
  thumbs=0 originals=0
  for id in $(curl -s -b "$JAR_C" "http://127.0.0.1:$PORT/tickets/1" | grep -o '/attachments/[0-9]*/thumbnail' \
      | tr -dc '0-9\n' | sort -n | uniq | tail -20); do
    thumbs=$((thumbs + $(curl -s -o /dev/null -b "$JAR_C" -w '%{size_download}' "http://127.0.0.1:$PORT/attachments/$id/thumbnail")))
    originals=$((originals + $(curl -s -o /dev/null -b "$JAR_C" -w '%{size_download}' "http://127.0.0.1:$PORT/attachments/$id")))
  done
  w=$(printf '%s\n' "${with[@]}" | median) wo=$(printf '%s\n' "${without[@]}" | median)
  printf '%-3s: 20 screenshots uploaded in %s s with thumbnails, %s s as plain files (thumbnails: %s s, %.0f ms a screenshot)\n' \
    "$db" "$w" "$wo" "$(echo "$w - $wo" | bc)" "$(echo "($w - $wo) * 1000 / 20" | bc -l)"
  printf '%-3s: the browser fetches %d bytes of thumbnails, %d bytes of originals (%.1f×)\n' \
    "$db" "$thumbs" "$originals" "$(echo "$originals / $thumbs" | bc -l)"
  stop
done
