# syntax=docker/dockerfile:1.7
#
# genesys-secret-rotator image.
#
#   docker build -t genesys-secret-rotator:0.1.0 .                  # the service (default target)
#   docker build --target sandbox -t genesys-secret-rotator-sandbox .  # simulators, for compose
#
# Base images are pinned to a Java major version and an Ubuntu release; pin them by digest
# (FROM image:tag@sha256:...) in a release pipeline. No HEALTHCHECK: Kubernetes uses the
# probes on the management port (8081) and ignores HEALTHCHECK; docker-compose.yml declares
# its own health checks.

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
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -ntp -DskipTests package \
 && cp target/genesys-secret-rotator-*.jar app.jar \
 && java -Djarmode=tools -jar app.jar extract --layers --launcher --destination extracted

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
# runtime (default target): the service
############################################################################################
FROM ${RUNTIME_IMAGE} AS runtime
LABEL org.opencontainers.image.title="genesys-secret-rotator" \
      org.opencontainers.image.description="Rotates Genesys Cloud OAuth client secrets into HashiCorp Vault"
WORKDIR /app

# One COPY per Spring Boot layer, least to most frequently changed.
COPY --from=build /build/extracted/dependencies/ ./
COPY --from=build /build/extracted/spring-boot-loader/ ./
COPY --from=build /build/extracted/snapshot-dependencies/ ./
COPY --from=build /build/extracted/application/ ./

# Container-aware heap sizing; exit on OOM so that Kubernetes restarts the pod.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"

# Numeric uid/gid so that runAsNonRoot can be verified by the kubelet.
USER 10001:10001
EXPOSE 8080 8081
ENTRYPOINT ["java", "-cp", "/app", "org.springframework.boot.loader.launch.JarLauncher"]
