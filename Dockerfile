# LAPOR Jambi as a container image: built from the sources in a JDK stage, run as a non-root user
# on a JRE. No image could be pulled on the machine this was written on (no Docker engine); the
# commands of both stages are the README's and are run by the test suite's build, see
# docs/operations.md ("Containers").
#   docker build -t lapor-jambi .
#   docker run -p 8080:8080 -e SPRING_DATASOURCE_URL=jdbc:postgresql://db:5432/lapor ... lapor-jambi

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -ntp -q dependency:go-offline
COPY src src
RUN ./mvnw -B -ntp -q -DskipTests package \
 && java -Djarmode=tools -jar target/lapor-jambi-*-SNAPSHOT.jar extract --destination /app

FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 10001 lapor \
 && useradd --system --uid 10001 --gid lapor --home-dir /app --shell /usr/sbin/nologin lapor
WORKDIR /app
COPY --from=build --chown=root:root /app/ /app/
USER 10001:10001
EXPOSE 8080
# production by default: PostgreSQL settings, the token secret and the sealing key come from the
# environment (docs/operations.md lists them); the service refuses to start without them
ENV SPRING_PROFILES_ACTIVE=prod \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
# graceful shutdown: docker stop sends SIGTERM; give the drain and the requests under way time
STOPSIGNAL SIGTERM
ENTRYPOINT ["java", "-jar", "/app/lapor-jambi-0.1.0-SNAPSHOT.jar"]
