#!/usr/bin/env bash
# Downloads Keycloak 26.7.3 from Maven Central (once) and starts it on http://localhost:8180 with
# the Early Help realm imported. Stop it with Ctrl-C.
#   KEYCLOAK_PORT=8180 keycloak/start.sh        (HTTP port; the management port is PORT+820)
#   keycloak/start.sh --fresh                   (forget users and sessions: re-import the realm)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
version=26.7.3
port="${KEYCLOAK_PORT:-8180}"
dist="$here/dist"
home="$dist/keycloak-$version"

if [ -z "${JAVA_HOME:-}" ] && [ -d /usr/lib/jvm/temurin-25-jdk-amd64 ]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi

if [ ! -x "$home/bin/kc.sh" ]; then
  echo "Fetching Keycloak $version from Maven Central..."
  mkdir -p "$dist"
  "$root/mvnw" -q -f "$root/pom.xml" dependency:copy \
    -Dartifact=org.keycloak:keycloak-quarkus-dist:$version:zip -DoutputDirectory="$dist"
  (cd "$dist" && unzip -q "keycloak-quarkus-dist-$version.zip" && rm "keycloak-quarkus-dist-$version.zip")
fi

if [ "${1:-}" = "--fresh" ]; then
  rm -rf "$home/data/h2"
fi
mkdir -p "$home/data/import"
cp "$here/realm-earlyhelp.json" "$home/data/import/"

export KC_BOOTSTRAP_ADMIN_USERNAME="${KC_BOOTSTRAP_ADMIN_USERNAME:-admin}"
export KC_BOOTSTRAP_ADMIN_PASSWORD="${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin}"
exec "$home/bin/kc.sh" start-dev \
  --http-port "$port" \
  --http-management-port "$((port + 820))" \
  --hostname "http://localhost:$port" \
  --import-realm
