package io.github.serverlessmaven.deploy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsRequest;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/** The deployment bucket's objects: deployment folders, uploads with digests, pruning and emptying. */
public final class DeploymentBucket {

    /** S3 allows this many keys per DeleteObjects call. */
    static final int DELETE_BATCH = 1000;

    private static final Pattern DIRECTORY = Pattern.compile("(\\d+)-\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z");

    /** Artifacts larger than this go up in parts, several at a time, as the AWS CLI does above 8 MiB. */
    static final long MULTIPART_THRESHOLD = 16L * 1024 * 1024;
    static final int PART_SIZE = 8 * 1024 * 1024;
    static final int PART_THREADS = 4;

    private final S3Client s3;
    private final String bucket;
    private final String serverSideEncryption;
    private final String kmsKeyId;
    private final long multipartThreshold;
    private final int partSize;

    public DeploymentBucket(S3Client s3, String bucket, String serverSideEncryption, String kmsKeyId) {
        this(s3, bucket, serverSideEncryption, kmsKeyId, MULTIPART_THRESHOLD, PART_SIZE);
    }

    DeploymentBucket(S3Client s3, String bucket, String serverSideEncryption, String kmsKeyId,
            long multipartThreshold, int partSize) {
        this.s3 = s3;
        this.bucket = bucket;
        this.serverSideEncryption = serverSideEncryption;
        this.kmsKeyId = kmsKeyId;
        this.multipartThreshold = multipartThreshold;
        this.partSize = partSize;
    }

    public String name() {
        return bucket;
    }

    /** The deployment folders under {@code servicePrefix} (e.g. {@code serverless/svc/dev}), oldest first. */
    public List<DeploymentDirectory> directories(String servicePrefix) {
        Map<String, List<String>> byDir = new LinkedHashMap<>();
        Map<String, Long> millis = new LinkedHashMap<>();
        String prefix = servicePrefix + "/";
        for (S3Object object : s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix)).contents()) {
            String rest = object.key().substring(prefix.length());
            int slash = rest.indexOf('/');
            if (slash <= 0) {
                continue;
            }
            Matcher m = DIRECTORY.matcher(rest.substring(0, slash));
            if (m.matches()) {
                String dir = prefix + rest.substring(0, slash);
                byDir.computeIfAbsent(dir, d -> new ArrayList<>()).add(object.key());
                millis.put(dir, Long.parseLong(m.group(1)));
            }
        }
        List<DeploymentDirectory> out = new ArrayList<>();
        byDir.forEach((dir, keys) -> out.add(new DeploymentDirectory(dir, millis.get(dir), List.copyOf(keys))));
        out.sort(Comparator.comparingLong(DeploymentDirectory::epochMillis).thenComparing(DeploymentDirectory::path));
        return out;
    }

    /** The newest folder holding a deployed-state file: the last deploy that succeeded. */
    public Optional<DeploymentDirectory> lastSuccessful(List<DeploymentDirectory> directories) {
        for (int i = directories.size() - 1; i >= 0; i--) {
            if (directories.get(i).contains(directories.get(i).path() + "/" + DeployedState.FILE)) {
                return Optional.of(directories.get(i));
            }
        }
        return Optional.empty();
    }

    /**
     * The object beside the deployment folders that repeats the last successful deployment's state (and its
     * summary), so an unchanged deploy can stop after reading one object instead of listing the bucket.
     */
    public static final String LATEST_FILE = "latest-deployment.json";

    /** Records a successful deployment: its folder's state file, and the pointer beside the folders. */
    public void recordState(String servicePrefix, String directory, String stateJson, String sha256,
            String latestJson) {
        upload(directory + "/" + DeployedState.FILE, stateJson, sha256, "application/json");
        upload(servicePrefix + "/" + LATEST_FILE, latestJson, sha256, "application/json");
    }

    /** The pointer's text, or empty when there is none (first deploy, or written by an older version). */
    public Optional<String> readLatest(String servicePrefix) {
        try {
            return Optional.of(s3.getObjectAsBytes(r -> r.bucket(bucket).key(servicePrefix + "/" + LATEST_FILE))
                    .asString(StandardCharsets.UTF_8));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    public Optional<DeployedState> readState(DeploymentDirectory directory) {
        try {
            String json = s3.getObjectAsBytes(r -> r.bucket(bucket).key(directory.path() + "/" + DeployedState.FILE))
                    .asString(StandardCharsets.UTF_8);
            return Optional.of(DeployedState.parse(json));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (RuntimeException e) {
            if (e instanceof software.amazon.awssdk.core.exception.SdkException sdk) {
                throw sdk;
            }
            // An unreadable state file only costs the skip-if-unchanged optimisation.
            return Optional.empty();
        }
    }

    /**
     * Uploads an artifact with its SHA-256 as the object's checksum: S3 recomputes it on arrival and refuses the
     * object when the bytes differ, so what the stack will run is exactly what was packaged.
     */
    public void upload(String key, Path file, String sha256, String contentType) {
        if (uploadsInParts(file)) {
            new MultipartUpload(s3, put(key, sha256, contentType), file, partSize, PART_THREADS).run();
            return;
        }
        s3.putObject(put(key, sha256, contentType).toBuilder().checksumSHA256(sha256).build(),
                RequestBody.fromFile(file));
    }

    /** Whether {@link #upload(String, Path, String, String)} sends this file in parts. */
    public boolean uploadsInParts(Path file) {
        return file.toFile().length() > multipartThreshold;
    }

    /**
     * Aborts multipart uploads under {@code prefix} started before {@code startedBefore}: parts of an upload whose
     * build was killed are stored (and billed) until someone aborts them. Uploads of builds still running are
     * younger than the cut-off, which is why it is not "now". Returns how many were aborted.
     */
    public int abortStaleUploads(String prefix, java.time.Instant startedBefore) {
        int aborted = 0;
        for (var upload : s3.listMultipartUploadsPaginator(r -> r.bucket(bucket).prefix(prefix + "/")).uploads()) {
            if (upload.initiated() != null && upload.initiated().isBefore(startedBefore)) {
                s3.abortMultipartUpload(r -> r.bucket(bucket).key(upload.key()).uploadId(upload.uploadId()));
                aborted++;
            }
        }
        return aborted;
    }

    public void upload(String key, String text, String sha256, String contentType) {
        s3.putObject(put(key, sha256, contentType), RequestBody.fromString(text, StandardCharsets.UTF_8));
    }

    private PutObjectRequest put(String key, String sha256, String contentType) {
        PutObjectRequest.Builder request = PutObjectRequest.builder().bucket(bucket).key(key)
                .contentType(contentType).metadata(Map.of("filesha256", sha256));
        if (serverSideEncryption != null) {
            request.serverSideEncryption(ServerSideEncryption.fromValue(serverSideEncryption));
            if (kmsKeyId != null) {
                request.ssekmsKeyId(kmsKeyId);
            }
        }
        return request.build();
    }

    /** Deletes the keys in batches; returns how many were deleted. */
    public int delete(List<String> keys) {
        for (int i = 0; i < keys.size(); i += DELETE_BATCH) {
            List<ObjectIdentifier> batch = keys.subList(i, Math.min(keys.size(), i + DELETE_BATCH)).stream()
                    .map(k -> ObjectIdentifier.builder().key(k).build()).toList();
            s3.deleteObjects(r -> r.bucket(bucket).delete(Delete.builder().objects(batch).quiet(true).build()));
        }
        return keys.size();
    }

    /** Deletes every object and every object version (versioned buckets), page by page. */
    public int empty() {
        int deleted = 0;
        String keyMarker = null;
        String versionMarker = null;
        while (true) {
            ListObjectVersionsResponse page = s3.listObjectVersions(ListObjectVersionsRequest.builder()
                    .bucket(bucket).keyMarker(keyMarker).versionIdMarker(versionMarker).build());
            List<ObjectIdentifier> ids = new ArrayList<>();
            page.versions().forEach(v -> ids.add(id(v.key(), v.versionId())));
            page.deleteMarkers().forEach(v -> ids.add(id(v.key(), v.versionId())));
            for (int i = 0; i < ids.size(); i += DELETE_BATCH) {
                List<ObjectIdentifier> batch = ids.subList(i, Math.min(ids.size(), i + DELETE_BATCH));
                s3.deleteObjects(r -> r.bucket(bucket).delete(Delete.builder().objects(batch).quiet(true).build()));
            }
            deleted += ids.size();
            if (!Boolean.TRUE.equals(page.isTruncated())) {
                break;
            }
            keyMarker = page.nextKeyMarker();
            versionMarker = page.nextVersionIdMarker();
        }
        // Unversioned buckets list objects with version "null"; list plainly too in case the emulator does not.
        List<String> left = new ArrayList<>();
        s3.listObjectsV2Paginator(r -> r.bucket(bucket)).contents().forEach(o -> left.add(o.key()));
        return deleted + delete(left);
    }

    private static ObjectIdentifier id(String key, String version) {
        ObjectIdentifier.Builder b = ObjectIdentifier.builder().key(key);
        if (version != null && !"null".equals(version)) {
            b.versionId(version);
        }
        return b.build();
    }

    /** {@code https://<bucket>.s3.<region>.amazonaws.com/<key>}: the form CloudFormation wants, also on emulators. */
    public static String objectUrl(String bucket, String region, String key) {
        String suffix = region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
        if (bucket.contains(".")) {
            // A dotted name breaks the virtual-host certificate; path style works for those.
            return "https://s3." + region + "." + suffix + "/" + bucket + "/" + key;
        }
        return "https://" + bucket + ".s3." + region + "." + suffix + "/" + key;
    }
}
