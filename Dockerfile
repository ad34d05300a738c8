# syntax=docker/dockerfile:1.7
#
# genesys-secret-rotator image.
#
#   docker build -t genesys-secret-rotator:0.1.0 .                  # the service (default target)
#   docker build --target sandbox -t genesys-secret-rotator-sandbox .  # simulators, for compose
#
# Base images are pinned to a Java major version and an Ubuntu release; pin them by digest
# (FROM image:tag@sha256:...) in a release pipeline. No HEALTHCHECK: Kubernetes uses the
# chart's probes (/livez, /readyz on 8080) and ignores HEALTHCHECK; docker-compose.yml
# declares its own health checks. Building, pushing and pinning: docs/operations.md 5.1.

ARG BUILDER_IMAGE=eclipse-temurin:17-jdk-noble
ARG RUNTIME_IMAGE=eclipse-temurin:17-jre-noble

############################################################################################
# build: compile with the Maven wrapper, package the jar, extract its layers
############################################################################################
FROM ${BUILDER_IMAGE} AS build
WORKDIR /build

# Wrapper and POM first so that a source change does not invalidate the wrapper layer.
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
RUN chmod +x mvnw

COPY src/ src/
# Extract as Spring Boot's container guide does: the default layout (app.jar next to lib/)
# is the one class data sharing needs, started with java -jar; --layers splits it into the
# four directories the runtime stages copy one by one.
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -ntp -DskipTests package \
 && cp target/genesys-secret-rotator-*.jar app.jar \
 && java -Djarmode=tools -jar app.jar extract --layers --destination extracted

############################################################################################
# sandbox-build: test classes and test-scope dependencies for the simulators
############################################################################################
FROM build AS sandbox-build
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -ntp -DskipTests test-compile dependency:copy-dependencies \
      -DincludeScope=test -DoutputDirectory=target/sandbox-lib

############################################################################################
# sandbox: Genesys Cloud simulator (port 8300) that also seeds an external Vault.
# Demo and local use only; never deploy this image.
############################################################################################
FROM ${RUNTIME_IMAGE} AS sandbox
WORKDIR /sandbox
COPY --from=sandbox-build /build/target/sandbox-lib/ lib/
COPY --from=sandbox-build /build/target/classes/ classes/
COPY --from=sandbox-build /build/target/test-classes/ test-classes/
USER 10001:10001
EXPOSE 8300
ENTRYPOINT ["java", "-cp", "/sandbox/test-classes:/sandbox/classes:/sandbox/lib/*", "io.github.genesysrotator.TestGenesysSecretRotatorApplication", "--simulators-only"]
CMD ["--genesys-port=8300", "--vault-uri=http://vault:8200", "--vault-token=root"]

############################################################################################
# layers: the runtime image with the application, one COPY per Spring Boot layer (least to
# most frequently changed). The CDS training run and the runtime both start from it, so the
# archive is created from the very files (same paths, sizes, times) it is later used with.
############################################################################################
FROM ${RUNTIME_IMAGE} AS layers
WORKDIR /app
COPY --from=build /build/extracted/dependencies/ ./
COPY --from=build /build/extracted/spring-boot-loader/ ./
COPY --from=build /build/extracted/snapshot-dependencies/ ./
COPY --from=build /build/extracted/application/ ./

# Memory flags measured against the chart's default limit (docs/operations.md, "JVM memory");
# exit on OOM so that Kubernetes restarts the pod. The chart sets the same value.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=50 -XX:MaxMetaspaceSize=128m -XX:ReservedCodeCacheSize=64m -XX:+ExitOnOutOfMemoryError"

############################################################################################
# cds-training: class data sharing archive of the classes a start-up and its first requests
# load. src/main/docker/cds-training.sh starts the service as a pod does, with Vault pointed
# at a closed loopback port, no credential and the scheduler off, so that nothing could
# reach a real Vault or Genesys org; once both ports answer it makes the requests a pod sees
# (probes, scrape, API calls) and stops the JVM with SIGTERM, which writes the archive.
############################################################################################
FROM layers AS cds-training
COPY src/main/docker/cds-training.sh ./
RUN bash cds-training.sh app.jsa

############################################################################################
# runtime (default target): the service, started with the archive. A JVM that cannot use
# the archive (another JVM build, changed jars) starts without it, only slower.
############################################################################################
FROM layers AS runtime
LABEL org.opencontainers.image.title="genesys-secret-rotator" \
      org.opencontainers.image.description="Rotates Genesys Cloud OAuth client secrets into HashiCorp Vault" \
      org.opencontainers.image.source="https://github.com/genesysrotator/genesys-secret-rotator" \
      org.opencontainers.image.licenses="Apache-2.0"
COPY --from=cds-training /app/app.jsa ./

# Numeric uid/gid so that runAsNonRoot can be verified by the kubelet.
USER 10001:10001
EXPOSE 8080 8081
ENTRYPOINT ["java", "-XX:SharedArchiveFile=app.jsa", "-jar", "app.jar"]
