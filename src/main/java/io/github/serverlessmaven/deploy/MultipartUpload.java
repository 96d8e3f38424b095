package io.github.serverlessmaven.deploy;

import io.github.serverlessmaven.packaging.Digests;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;

/**
 * One large artifact uploaded in parts, several at a time. Each part carries its SHA-256, which S3 verifies on
 * arrival. Until the upload is completed no object exists under the key, so a build killed meanwhile leaves
 * nothing a stack could point at; a failed upload is aborted so that its parts are not kept.
 */
final class MultipartUpload {

    private final S3Client s3;
    private final PutObjectRequest object;
    private final Path file;
    private final int partSize;
    private final int threads;

    MultipartUpload(S3Client s3, PutObjectRequest object, Path file, int partSize, int threads) {
        this.s3 = s3;
        this.object = object;
        this.file = file;
        this.partSize = partSize;
        this.threads = threads;
    }

    void run() {
        String uploadId = s3.createMultipartUpload(CreateMultipartUploadRequest.builder()
                .bucket(object.bucket()).key(object.key()).contentType(object.contentType())
                .metadata(object.metadata()).serverSideEncryption(object.serverSideEncryption())
                .ssekmsKeyId(object.ssekmsKeyId()).checksumAlgorithm(ChecksumAlgorithm.SHA256).build()).uploadId();
        try {
            List<CompletedPart> parts = uploadParts(uploadId);
            s3.completeMultipartUpload(r -> r.bucket(object.bucket()).key(object.key()).uploadId(uploadId)
                    .multipartUpload(u -> u.parts(parts)));
        } catch (RuntimeException e) {
            abort(uploadId);
            throw e;
        }
    }

    private List<CompletedPart> uploadParts(String uploadId) {
        long size = file.toFile().length();
        int count = (int) ((size + partSize - 1) / partSize);
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, count));
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            List<Future<CompletedPart>> running = new ArrayList<>();
            for (int number = 1; number <= count; number++) {
                long offset = (long) (number - 1) * partSize;
                int length = (int) Math.min(partSize, size - offset);
                int partNumber = number;
                running.add(pool.submit(() -> uploadPart(channel, uploadId, partNumber, offset, length)));
            }
            List<CompletedPart> parts = new ArrayList<>();
            for (Future<CompletedPart> part : running) {
                parts.add(Await.result(part, "Upload of " + file.getFileName() + " failed",
                        "Interrupted while uploading " + file.getFileName() + "."));
            }
            return parts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            pool.shutdownNow();
        }
    }

    private CompletedPart uploadPart(FileChannel channel, String uploadId, int number, long offset, int length)
            throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, offset + buffer.position()) < 0) {
                throw new IOException(file + " became shorter while it was uploaded");
            }
        }
        byte[] bytes = buffer.array();
        String sha256 = Digests.sha256Base64(bytes);
        String eTag = s3.uploadPart(UploadPartRequest.builder().bucket(object.bucket()).key(object.key())
                .uploadId(uploadId).partNumber(number).checksumSHA256(sha256).build(), RequestBody.fromBytes(bytes))
                .eTag();
        return CompletedPart.builder().partNumber(number).eTag(eTag).checksumSHA256(sha256).build();
    }

    private void abort(String uploadId) {
        try {
            s3.abortMultipartUpload(r -> r.bucket(object.bucket()).key(object.key()).uploadId(uploadId));
        } catch (SdkException ignored) {
            // The deploy's own failure is what the user needs to see; S3 lets incomplete uploads be listed.
        }
    }
}
