package io.github.serverlessmaven.variables;

import java.util.List;

/**
 * A variable source such as {@code ssm} or {@code cf}. Returns a plain value (string, number, boolean, map,
 * list) or null when nothing is found (so a fallback can apply).
 */
public interface VariableSource {

    /**
     * @param params the parenthesised parameters, e.g. {@code eu-west-1} in {@code ${ssm(eu-west-1):/p}}
     * @param address the part after the colon
     */
    Object resolve(List<String> params, String address) throws Exception;

    /** True when values from this source must never be printed or written (e.g. SSM SecureStrings). */
    default boolean secret(List<String> params, String address) {
        return false;
    }
}
