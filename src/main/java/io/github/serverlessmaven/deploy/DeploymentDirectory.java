package io.github.serverlessmaven.deploy;

import java.util.List;

/**
 * One deployment's folder in the bucket, {@code <prefix>/<service>/<stage>/<epochMillis>-<ISO8601>}.
 *
 * @param path the folder's key prefix without the trailing slash
 * @param keys every object key in it
 */
public record DeploymentDirectory(String path, long epochMillis, List<String> keys) {

    public boolean contains(String key) {
        return keys.contains(key);
    }
}
