#!/usr/bin/env bash
#
# Class data sharing training run of the image: the Dockerfile's cds-training stage runs it
# in /app, and FootprintBenchmark runs it the same way on the extracted jar.
#
#   cds-training.sh <archive>
#
# Starts the service as a pod does, with the archive written when the JVM exits, so that it
# holds the classes of the whole start-up and of the first requests, not only those of the
# context refresh: the web servers, the security filters, JSON rendering, the health groups
# and the Prometheus scrape. Nothing is reachable: Vault is a closed loopback port, no
# credential is configured and the scheduler is off, so no request leaves the process. Once
# both ports answer it makes the requests a pod sees (probes, scrape, an authenticated and
# an unauthenticated API call), then stops the JVM with SIGTERM; the archive is written on
# exit. Needs only bash: the HTTP requests go through /dev/tcp.
#
# Environment: JAVA (default java), TRAINING_PORT and TRAINING_MANAGEMENT_PORT (default
# 8080 and 8081), TRAINING_TIMEOUT seconds to wait for the ports (default 180).
set -euo pipefail

archive=${1:?usage: cds-training.sh <archive>}
java=${JAVA:-java}
port=${TRAINING_PORT:-8080}
management=${TRAINING_MANAGEMENT_PORT:-8081}
timeout=${TRAINING_TIMEOUT:-180}
# A token valid only in this run: sha256 of "cds-training".
token=cds-training
token_sha256=759ef7e42942eacd06c651e1ed827a1b184a97d839f7f0de2db17e1e92231f03

# -Xmx pins compressed oops: an archive made with a heap sized from the build machine's RAM
# (over 32 GB) would not match the pod's JVM and be ignored.
"$java" -XX:ArchiveClassesAtExit="$archive" -Xmx384m -Xlog:cds=off -Xlog:cds+dynamic=off -jar app.jar \
	--spring.cloud.vault.uri=http://127.0.0.1:9 --spring.cloud.vault.authentication=TOKEN \
	--spring.cloud.vault.token=cds-training --rotator.schedule.poll=- \
	--server.port="$port" --management.server.port="$management" \
	'--rotator.security.api-tokens[0].name=cds-training' \
	"--rotator.security.api-tokens[0].sha256=$token_sha256" \
	'--rotator.security.api-tokens[0].roles=read' --logging.level.root=ERROR &
service=$!

# request <port> <method> <path> [header]: one HTTP/1.1 exchange; prints its status code.
request() {
	local version code=
	exec 3<>"/dev/tcp/127.0.0.1/$1" || return 1
	printf '%s %s HTTP/1.1\r\nHost: localhost\r\n%sConnection: close\r\n\r\n' "$2" "$3" "${4:+$4$'\r\n'}" >&3
	read -r version code _ <&3 || true
	cat <&3 >/dev/null
	exec 3<&-
	printf '%s %s -> %s\n' "$2" "$3" "${code:-no answer}"
}

deadline=$((SECONDS + timeout))
until request "$management" GET /actuator/health/liveness >/dev/null 2>&1 \
	&& request "$port" GET /livez >/dev/null 2>&1; do
	if ! kill -0 "$service" 2>/dev/null; then
		echo "cds-training: the service exited before its ports answered" >&2
		exit 1
	fi
	if ((SECONDS >= deadline)); then
		echo "cds-training: the service did not answer within ${timeout}s" >&2
		kill -KILL "$service"
		exit 1
	fi
	sleep 0.2
done

for path in /actuator/health/liveness /actuator/health/readiness /actuator/health /actuator/prometheus; do
	request "$management" GET "$path"
done
request "$port" GET /livez
request "$port" GET /readyz
request "$port" GET /api/v1/credentials
request "$port" GET /api/v1/credentials "Authorization: Bearer $token"
request "$port" GET /api/v1/credentials/cds-training "Authorization: Bearer $token"

kill -TERM "$service"
# 143: the exit status of a JVM stopped by SIGTERM.
status=0
wait "$service" || status=$?
if ((status != 0 && status != 143)); then
	echo "cds-training: the service exited with status $status" >&2
	exit 1
fi
if [[ ! -s "$archive" ]]; then
	echo "cds-training: no archive at $archive" >&2
	exit 1
fi
