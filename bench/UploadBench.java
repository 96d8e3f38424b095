import io.github.serverlessmaven.aws.AwsClients;
import io.github.serverlessmaven.aws.AwsSettings;
import io.github.serverlessmaven.deploy.DeploymentBucket;
import io.github.serverlessmaven.packaging.Digests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Upload throughput of a 200 MiB artifact to an S3 endpoint (moto): the deploy's upload (in parts, several at a
 * time) and, for comparison, one PutObject. Prints "MULTIPART_MIB_S SINGLE_MIB_S" (medians of the runs).
 * Usage: java -cp CLASSPATH bench/UploadBench.java ENDPOINT RUNS
 */
public class UploadBench {
    public static void main(String[] args) throws Exception {
        int runs = Integer.parseInt(args[1]);
        AwsSettings settings = new AwsSettings("us-east-1", null, java.net.URI.create(args[0]), 1,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")));
        Path file = Files.createTempFile("upload-bench", ".jar");
        try (AwsClients aws = new AwsClients(settings)) {
            byte[] bytes = new byte[200 * 1024 * 1024];
            new Random(1).nextBytes(bytes);
            Files.write(file, bytes);
            String sha256 = Digests.sha256Base64(file);
            aws.s3().createBucket(r -> r.bucket("upload-bench"));
            DeploymentBucket bucket = new DeploymentBucket(aws.s3(), "upload-bench", null, null);
            List<Double> parts = new ArrayList<>();
            List<Double> single = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                bucket.upload("parts-" + i, file, sha256, "application/java-archive");
                parts.add(200 / ((System.nanoTime() - t0) / 1e9));
                String key = "single-" + i;
                t0 = System.nanoTime();
                aws.s3().putObject(r -> r.bucket("upload-bench").key(key).checksumSHA256(sha256),
                        RequestBody.fromFile(file));
                single.add(200 / ((System.nanoTime() - t0) / 1e9));
            }
            System.out.printf("%.1f %.1f%n", median(parts), median(single));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
