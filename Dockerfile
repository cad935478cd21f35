# Runtime image for Queuedesk. It copies the prebuilt jar, so build that first:
#   ./mvnw -DskipTests package      (→ target/queuedesk.jar)
#   docker build -t queuedesk .     (or: docker compose up --build)
# Commands of the jar run the same way: docker run --rm -e DATABASE_URL=… queuedesk create-user --email=… …
FROM eclipse-temurin:17-jre

# A system user without login shell; /app/data holds the embedded H2 database when no
# DATABASE_URL / SPRING_DATASOURCE_URL is given.
RUN groupadd --system queuedesk \
 && useradd --system --gid queuedesk --home-dir /app --shell /usr/sbin/nologin queuedesk \
 && mkdir -p /app/data \
 && chown -R queuedesk:queuedesk /app

WORKDIR /app
COPY target/queuedesk.jar /app/queuedesk.jar

USER queuedesk
ENV PORT=8080 \
    JAVA_OPTS="-XX:MaxRAMPercentage=75"
EXPOSE 8080

# Ready = up and the database answers. Plain bash (no curl in the image).
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${PORT} && printf 'GET /actuator/health/readiness HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && grep -q '\"UP\"' <&3"]

# exec: java is PID 1 and gets SIGTERM directly (graceful shutdown). Arguments after the image
# name are passed on to the jar (commands such as create-user).
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/queuedesk.jar \"$@\"", "queuedesk"]
