package io.sparktrain.trainer.doctor;

import java.util.List;
import org.apache.hadoop.util.VersionInfo;

/** s3a: URIs need hadoop-aws (and the AWS SDK it uses) on the classpath; Spark's own jars do not include it. */
final class HadoopAwsCheck implements Check {
    static final String S3A_CLASS = "org.apache.hadoop.fs.s3a.S3AFileSystem";

    private final List<String> s3aUris;

    HadoopAwsCheck(List<String> s3aUris) {
        this.s3aUris = List.copyOf(s3aUris);
    }

    @Override
    public String name() {
        return "s3a filesystem";
    }

    @Override
    public CheckResult run() {
        try {
            Class.forName(S3A_CLASS, false, HadoopAwsCheck.class.getClassLoader());
            return CheckResult.ok(S3A_CLASS + " is on the classpath for " + String.join(", ", s3aUris));
        } catch (ClassNotFoundException e) {
            return CheckResult.fail(String.join(", ", s3aUris) + " use s3a:, but " + S3A_CLASS + " (hadoop-aws) is not on"
                            + " the classpath",
                    "add org.apache.hadoop:hadoop-aws:" + VersionInfo.getVersion() + " and its AWS SDK bundle, e.g."
                            + " spark-submit --packages org.apache.hadoop:hadoop-aws:" + VersionInfo.getVersion());
        }
    }
}
