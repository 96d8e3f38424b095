package io.github.serverlessmaven.invoke;

import io.github.serverlessmaven.invoke.bootstrap.MiniJson;

/**
 * What the handler returned.
 *
 * @param value the result as plain JSON values, or the text a stream handler wrote when it is not JSON
 * @param raw true when {@code value} is such non-JSON text
 */
public record InvokeResult(Object value, boolean raw, long durationMillis) {

    /** The result as the user sees it: pretty JSON, or the raw text. */
    public String render() {
        return raw ? String.valueOf(value) : MiniJson.write(value, true);
    }
}
