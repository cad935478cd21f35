#!/usr/bin/env bash
# Prepares a faster start: extracts target/queuedesk.jar into target/app/ (a plain jar plus lib/,
# the layout that class data sharing needs) and records, in one training start, the classes the
# application loads into an archive next to it. Then start with the command it prints:
#   Java 25+: java -XX:AOTCache=target/app/queuedesk.aot -jar target/app/queuedesk.jar
#   Java 17+: java -XX:SharedArchiveFile=target/app/queuedesk.jsa -jar target/app/queuedesk.jar
# The archive belongs to the java that made it: rebuild it after a new jar or another JDK (a
# stale one is ignored with a warning, never misused). Usage: scripts/build-cds.sh [JAR [DIR]]
# with JAVA=/path/to/java to choose the JDK. The Dockerfile runs it.
set -euo pipefail

JAR=${1:-target/queuedesk.jar}
OUT=${2:-target/app}
JAVA=${JAVA:-java}

APP="$OUT/$(basename "$JAR")"

rm -rf "$OUT"
"$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$OUT"

# The training start: the whole application context (no web server, no scheduler) on a
# throwaway in-memory database, stopped as soon as it is refreshed (Spring's spring.context.exit),
# with the JVM options the application will run with ($JAVA_OPTS), as the archive expects them.
# shellcheck disable=SC2206 # JAVA_OPTS holds several options
training=(${JAVA_OPTS:-} -Dspring.context.exit=onRefresh -jar "$APP"
  "--spring.datasource.url=jdbc:h2:mem:cds-training;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
  --queuedesk.demo-data=false --logging.level.root=WARN --spring.main.banner-mode=off)

version=$("$JAVA" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
if [ "${version%%.*}" -ge 25 ]; then
  "$JAVA" -XX:AOTCacheOutput="$OUT/queuedesk.aot" -Xlog:aot=error,cds=error "${training[@]}"
  echo "Start with: java -XX:AOTCache=$OUT/queuedesk.aot -jar $APP"
else
  "$JAVA" -XX:ArchiveClassesAtExit="$OUT/queuedesk.jsa" -Xlog:cds=error "${training[@]}"
  echo "Start with: java -XX:SharedArchiveFile=$OUT/queuedesk.jsa -jar $APP"
fi
