# Runtime image for Queuedesk. It copies the prebuilt jar, so build that first:
#   ./mvnw -DskipTests package      (→ target/queuedesk.jar)
#   docker build -t queuedesk .     (or: docker compose up --build)
# Commands of the jar run the same way: docker run --rm -e DATABASE_URL=… queuedesk create-user --email=… …
# Java 25 runs the Java 17 jar with its AOT cache (made below by scripts/build-cds.sh), which
# starts the application in about half the time (README, "Memory and start-up").
FROM eclipse-temurin:25-jre

# A system user without login shell; /app/data holds the embedded H2 database when no
# DATABASE_URL / SPRING_DATASOURCE_URL is given.
RUN groupadd --system queuedesk \
 && useradd --system --gid queuedesk --home-dir /app --shell /usr/sbin/nologin queuedesk \
 && mkdir -p /app/data \
 && chown -R queuedesk:queuedesk /app

WORKDIR /app
# Within 512 MB of memory under load (README, "Memory and start-up"). The AOT cache is recorded
# with these options; it also serves other ones given at run time (docker run -e JAVA_OPTS=…).
ENV PORT=8080 \
    MALLOC_ARENA_MAX=2 \
    JAVA_OPTS="-Xmx192m -Xss512k -XX:+UseSerialGC -XX:ReservedCodeCacheSize=64m"
COPY target/queuedesk.jar /tmp/queuedesk.jar
COPY scripts/build-cds.sh /tmp/build-cds.sh
RUN bash /tmp/build-cds.sh /tmp/queuedesk.jar /app/jar \
 && rm /tmp/queuedesk.jar /tmp/build-cds.sh \
 && chown -R queuedesk:queuedesk /app/jar

USER queuedesk
EXPOSE 8080

# Ready = up and the database answers. Plain bash (no curl in the image).
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${PORT} && printf 'GET /actuator/health/readiness HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && grep -q '\"UP\"' <&3"]

# exec: java is PID 1 and gets SIGTERM directly (graceful shutdown). Arguments after the image
# name are passed on to the jar (commands such as create-user).
ENTRYPOINT ["sh", "-c", "exec java -XX:AOTCache=/app/jar/queuedesk.aot $JAVA_OPTS -jar /app/jar/queuedesk.jar \"$@\"", "queuedesk"]
