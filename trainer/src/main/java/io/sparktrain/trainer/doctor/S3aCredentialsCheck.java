package io.sparktrain.trainer.doctor;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * Every s3a bucket the job reads or writes has credentials from somewhere: per-bucket or global
 * {@code fs.s3a.access.key}/{@code secret.key}, the AWS environment variables, a credentials
 * provider or a Hadoop credential store. Never prints a key or secret, only where they come from.
 */
final class S3aCredentialsCheck implements Check {
    private final List<String> s3aUris;
    private final Configuration hadoop;
    private final Map<String, String> environment;

    /** @param environment this JVM's environment ({@link System#getenv()}) */
    S3aCredentialsCheck(List<String> s3aUris, Configuration hadoop, Map<String, String> environment) {
        this.s3aUris = List.copyOf(s3aUris);
        this.hadoop = hadoop;
        this.environment = Map.copyOf(environment);
    }

    @Override
    public String name() {
        return "s3a credentials";
    }

    @Override
    public CheckResult run() {
        Set<String> buckets = new LinkedHashSet<>();
        // The authority, not the host: bucket names may hold characters (e.g. _) that java.net.URI refuses in a host.
        s3aUris.forEach(uri -> buckets.add(new Path(uri).toUri().getAuthority()));
        List<String> sources = new ArrayList<>();
        for (String bucket : buckets) {
            String access = setting(bucket, "access.key");
            String secret = setting(bucket, "secret.key");
            if ((access == null) != (secret == null)) {
                String present = access == null ? "secret.key" : "access.key";
                String absent = access == null ? "access.key" : "secret.key";
                return CheckResult.fail("bucket " + bucket + ": fs.s3a." + present + " is set but fs.s3a." + absent
                        + " is not", "set spark.conf.\"spark.hadoop.fs.s3a." + absent + "\" too (or neither, and use"
                        + " AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY)");
            }
            String provider = setting(bucket, "aws.credentials.provider");
            if (access != null) {
                sources.add(bucket + ": fs.s3a access and secret key (values hidden)");
            } else if (environment.containsKey("AWS_ACCESS_KEY_ID") && environment.containsKey("AWS_SECRET_ACCESS_KEY")) {
                sources.add(bucket + ": AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (values hidden)");
            } else if (provider != null) {
                sources.add(bucket + ": credentials provider " + provider);
            } else if (hadoop.get("hadoop.security.credential.provider.path") != null) {
                sources.add(bucket + ": Hadoop credential store " + hadoop.get("hadoop.security.credential.provider.path"));
            } else {
                return CheckResult.warn("bucket " + bucket + ": no s3a credentials in the config or the environment; only"
                                + " an instance profile or IAM role can supply them",
                        "set spark.conf.\"spark.hadoop.fs.s3a.access.key\" and \"spark.hadoop.fs.s3a.secret.key\", or"
                                + " export AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY");
            }
        }
        return CheckResult.ok(String.join("; ", sources));
    }

    /** A per-bucket setting ({@code fs.s3a.bucket.NAME.KEY}) wins over the global one, as in s3a. */
    private String setting(String bucket, String key) {
        String perBucket = hadoop.get("fs.s3a.bucket." + bucket + "." + key);
        return perBucket != null ? perBucket : hadoop.get("fs.s3a." + key);
    }
}
