package io.github.serverlessmaven.config;

/**
 * One user mistake: where it is, what is wrong, and what to do about it.
 *
 * @param path the configuration path such as {@code functions.hello.memorySize}, or empty
 * @param fix a remedy phrased to follow "perhaps you should", or null
 */
public record Problem(Position position, String path, String message, String fix) {

    public String render() {
        StringBuilder sb = new StringBuilder();
        sb.append(position);
        if (path != null && !path.isEmpty()) {
            sb.append(": at '").append(path).append("'");
        }
        sb.append(": ").append(message);
        if (fix != null && !fix.isEmpty()) {
            sb.append(", perhaps you should ").append(fix);
        }
        return sb.toString();
    }
}
