package io.github.serverlessmaven.validate;

import io.github.serverlessmaven.config.ConfigException;
import io.github.serverlessmaven.config.ConfigReader;
import io.github.serverlessmaven.config.Diagnostics;
import io.github.serverlessmaven.config.MapNode;
import io.github.serverlessmaven.config.Node;
import io.github.serverlessmaven.config.ScalarNode;
import io.github.serverlessmaven.model.ImageSpec;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A function's {@code image}: an ECR image URI with a digest or a tag, as a string or {@code {uri, command,
 * entryPoint, workingDirectory}}. A tag is looked up in ECR before compiling, as v3 does while packaging (see
 * {@code pipeline.ImageDigestLookup}). v3 also takes {@code name} (an image of {@code provider.ecr.images}, built
 * with Docker); this plugin runs no Docker, so that is refused with the way to push the image and name it.
 */
final class ImageParser {

    static final Set<String> KEYS = Set.of("uri", "name", "command", "entryPoint", "workingDirectory");

    /** Lambda takes images from ECR only: account, region, repository, then a digest or a tag. */
    private static final Pattern ECR_URI = Pattern.compile(
            "(\\d{12})\\.dkr\\.ecr\\.([a-z0-9-]+)\\.amazonaws\\.com(?:\\.cn)?/([a-z0-9._/-]+)"
                    + "(?:@sha256:([a-f0-9]{64})|:([\\w][\\w.-]{0,127}))");

    private static final String URI_FORMS = "<account>.dkr.ecr.<region>.amazonaws.com/<repository>:<tag> or "
            + "...@sha256:<digest> (Jib writes the digest to target/jib-image.json, which "
            + "${file(./target/jib-image.json):imageDigest} reads)";

    private ImageParser() {}

    static ImageSpec parse(ConfigReader function, String region, Diagnostics diagnostics) {
        Node image = function.raw("image");
        String path = function.childPath("image");
        if (image instanceof ScalarNode s && s.value() instanceof String uri) {
            return new ImageSpec(checkedUri(uri, image, path, region), digest(uri), List.of(), List.of(), null);
        }
        if (!(image instanceof MapNode)) {
            throw ConfigReader.typeError(image, path, "an ECR image URI or a map with 'uri'");
        }
        ConfigReader r = ConfigReader.of(image, path);
        r.checkKnownKeys(KEYS, diagnostics);
        if (r.has("name")) {
            throw r.error("name", "images from provider.ecr.images are built with Docker, which this plugin does "
                    + "not run", "push the image (for example with Jib) and give its URI as "
                    + "'uri': " + URI_FORMS);
        }
        if (!r.has("uri")) {
            throw new ConfigException(image.position(), path,
                    "missing required property 'uri'", "add 'uri: <account>.dkr.ecr.<region>.amazonaws.com/<repo>"
                    + "@sha256:<digest>'");
        }
        String uri = r.string("uri", "write " + URI_FORMS);
        checkedUri(uri, r.raw("uri"), r.childPath("uri"), region);
        String workingDirectory = r.optString("workingDirectory").orElse(null);
        return new ImageSpec(uri, digest(uri), r.stringList("command"), r.stringList("entryPoint"),
                workingDirectory);
    }

    private static String checkedUri(String uri, Node at, String path, String region) {
        Matcher m = ECR_URI.matcher(uri);
        if (!m.matches()) {
            throw new ConfigException(at.position(), path, "'" + uri
                    + "' is not an ECR image URI (Lambda runs images from Amazon ECR only; v3 reads a plain name "
                    + "as an image of provider.ecr.images, which this plugin does not build)",
                    "write <account>.dkr.ecr.<region>.amazonaws.com/<repository>@sha256:<digest>");
        }
        if (!m.group(2).equals(region)) {
            throw new ConfigException(at.position(), path, "the image is in region "
                    + m.group(2) + " but the service deploys to " + region + ": Lambda runs images of its own "
                    + "region only", "push the image to ECR in " + region + ", or deploy the service to "
                    + m.group(2));
        }
        return uri;
    }

    /** The digest's hex part, or null for a URI that names a tag. */
    private static String digest(String uri) {
        int at = uri.indexOf("@sha256:");
        return at < 0 ? null : uri.substring(at + "@sha256:".length());
    }
}
