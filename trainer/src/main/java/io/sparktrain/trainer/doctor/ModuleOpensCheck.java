package io.sparktrain.trainer.doctor;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Spark on Java 17 reflects into JDK internals; without the module opens it stops at start with
 * {@code IllegalAccessError ... sun.nio.ch.DirectBuffer}. spark-submit and scripts/sparktrain add
 * them; a JVM started another way (an IDE, a test runner, plain java) often does not.
 */
final class ModuleOpensCheck implements Check {
    @Override
    public String name() {
        return "module opens";
    }

    @Override
    public boolean sparkNeedsIt() {
        return true;
    }

    @Override
    public CheckResult run() {
        List<String> required = ModuleOpens.required();
        if (required.isEmpty()) {
            return CheckResult.fail("build.properties lists no spark.java17.opens, so the opens cannot be checked",
                    "rebuild sparktrain with mvn package (resource filtering fills the list in from the parent pom)");
        }
        List<String> missing = ModuleOpens.missing();
        if (missing.isEmpty()) {
            return CheckResult.ok("all " + required.size() + " --add-opens Spark needs on Java 17 are in effect");
        }
        return CheckResult.fail("this JVM lacks " + missing.size() + " of the " + required.size()
                        + " --add-opens Spark needs on Java 17 (" + String.join(", ", missing)
                        + "); Spark would stop with IllegalAccessError ... sun.nio.ch.DirectBuffer",
                "start Java with the parent pom's spark.java17.opens (scripts/sparktrain and spark-submit add them): "
                        + missing.stream().map(ModuleOpens::flag).collect(Collectors.joining(" ")));
    }
}
