#!/usr/bin/env bash
# Checks what a Maven Central release needs (except the signature), then runs a module-path application.
#   scripts/check-release.sh            builds with -Prelease -DskipTests package, then checks
#   SKIP_BUILD=1 scripts/check-release.sh   checks the jars already in */target
# For every published artifact: the jar, its -sources and -javadoc jars, Automatic-Module-Name and a module
# descriptor of the same name. Unpublished modules (e2e, examples, benchmarks) must have no such jars. Then a
# tiny program that requires only olaphttp's modules runs on the module path against the testkit, without
# --add-modules (it used to fail with NoClassDefFoundError: org/slf4j/LoggerFactory).
set -euo pipefail
cd "$(dirname "$0")/.."

version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -1)
published="client-core:olaphttp-core:dev.olaphttp.core client-databend:olaphttp-databend:dev.olaphttp.databend
client-clickhouse:olaphttp-clickhouse:dev.olaphttp.clickhouse client-starrocks:olaphttp-starrocks:dev.olaphttp.starrocks
client-testkit:olaphttp-testkit:dev.olaphttp.testkit"
# published as automatic modules (their dependencies, Spring and Micrometer, are automatic modules themselves)
automatic="client-jdbc:olaphttp-jdbc:dev.olaphttp.jdbc client-micrometer:olaphttp-micrometer:dev.olaphttp.micrometer
spring-boot-starter:olaphttp-spring-boot-starter:dev.olaphttp.spring.boot"
unpublished="e2e:olaphttp-e2e examples:olaphttp-examples benchmarks:olaphttp-benchmarks"

if [ "${SKIP_BUILD:-}" != 1 ]; then
  log=$(mktemp)
  if ! mvn -B -ntp -Prelease -DskipTests package >"$log" 2>&1; then
    grep -E 'ERROR|FAIL' "$log" | head -40
    echo "check-release: the release build failed (full log: $log)"
    exit 1
  fi
fi

fail=0
bad() { echo "check-release: $*"; fail=1; }

for entry in $published $automatic; do
  IFS=: read -r dir artifact module <<<"$entry"
  jar="$dir/target/$artifact-$version.jar"
  for f in "$jar" "$dir/target/$artifact-$version-sources.jar" "$dir/target/$artifact-$version-javadoc.jar"; do
    [ -s "$f" ] || bad "missing $f"
  done
  [ -s "$jar" ] || continue
  name=$(unzip -p "$jar" META-INF/MANIFEST.MF | tr -d '\r' | sed -n 's/^Automatic-Module-Name: //p')
  [ "$name" = "$module" ] || bad "$jar: Automatic-Module-Name is '$name', expected '$module'"
  if [[ " $(echo $automatic) " != *" $entry "* ]]; then # a module descriptor too
    described=$(jar --describe-module --file "$jar" --release 17 2>/dev/null | grep -o '^dev\.olaphttp\.[a-z.]*' | head -1)
    [ "$described" = "$module" ] || bad "$jar: module descriptor is '$described', expected '$module'"
  fi
  docs=$(unzip -l "$dir/target/$artifact-$version-javadoc.jar" || true)
  grep -q ' index.html$' <<<"$docs" || bad "$artifact: javadoc jar without index.html"
  sources=$(unzip -l "$dir/target/$artifact-$version-sources.jar" || true)
  grep -q '\.java$' <<<"$sources" || bad "$artifact: sources jar without sources"
  stamps=$(unzip -l "$jar" | awk '$2 ~ /^[0-9][0-9][0-9][0-9]-/ {print $2}' | sort -u)
  [ "$(echo "$stamps" | wc -l)" = 1 ] || bad "$jar: entries carry several dates ($stamps): not reproducible"
done
for entry in $unpublished; do
  IFS=: read -r dir artifact <<<"$entry"
  for kind in sources javadoc; do
    [ ! -e "$dir/target/$artifact-$version-$kind.jar" ] || bad "$artifact is not published but has a $kind jar"
  done
done

# The module-path application: olaphttp's jars plus the runtime dependencies Maven resolves for them.
work=$(mktemp -d)
deps="$work/deps.txt"
for m in client-clickhouse client-databend client-starrocks client-testkit; do
  mvn -B -ntp -o -q -pl "$m" dependency:build-classpath -DincludeScope=runtime -Dmdep.outputFile="$work/$m.cp" >/dev/null
  { tr ":" "\n" <"$work/$m.cp"; echo; } >>"$work/cp.txt"
done
grep -v '/dev/olaphttp/' "$work/cp.txt" | grep -v '^$' | sort -u >"$deps"
mp=$(for entry in $published; do IFS=: read -r dir artifact _ <<<"$entry"; echo "$dir/target/$artifact-$version.jar"; done | paste -sd:)
mp="$mp:$(paste -sd: "$deps")"
javac -d "$work/out" --module-path "$mp" scripts/modulepath-demo/module-info.java scripts/modulepath-demo/demo/Main.java
if out=$(java --module-path "$work/out:$mp" -m demo/demo.Main 2>&1) && grep -q 'module path OK' <<<"$out"; then
  echo "$out" | grep 'module path OK'
else
  echo "$out" | tail -20
  bad "the module-path application failed"
fi
rm -rf "$work"

if [ "$fail" = 0 ]; then
  echo "check-release: OK (sources, javadoc, module names and a module-path run for every published artifact)"
fi
exit "$fail"
