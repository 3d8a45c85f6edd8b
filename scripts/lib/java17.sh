# Sourced by the scripts: sets JAVA to a Java 17 binary (Spark 3.5 fails on newer Javas with
# "getSubject is not supported"), and exports JAVA_HOME so Maven builds with the same JDK.
find_java17() {
  local candidate
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/java-17-openjdk /usr/lib/jvm/temurin-17*; do
    if [[ -n "$candidate" && -x "$candidate/bin/java" ]] \
        && "$candidate/bin/java" -version 2>&1 | grep -q 'version "17'; then
      echo "$candidate"
      return 0
    fi
  done
  if command -v java >/dev/null && java -version 2>&1 | grep -q 'version "17'; then
    dirname "$(dirname "$(readlink -f "$(command -v java)")")"
    return 0
  fi
  return 1
}

if ! JAVA_HOME="$(find_java17)"; then
  echo "sparktrain: Java 17 is required (Spark 3.5 does not run on newer Javas); install openjdk-17-jdk or set JAVA_HOME" >&2
  exit 1
fi
export JAVA_HOME
JAVA="$JAVA_HOME/bin/java"
