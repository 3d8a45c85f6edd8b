# Sourced by the scripts: reads a property of the parent pom.xml, so versions and JVM flags stay
# in one place. Usage: pom_property REPO NAME     e.g. pom_property "$repo" spark.java17.opens
pom_property() {
  local value
  value="$(sed -n "s:.*<$2>\(.*\)</$2>.*:\1:p" "$1/pom.xml")"
  if [[ -z "$value" ]]; then
    echo "sparktrain: property <$2> is missing from $1/pom.xml; restore it there (the scripts read it)" >&2
    return 1
  fi
  echo "$value"
}
