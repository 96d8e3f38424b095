package io.github.serverlessmaven.config;

/**
 * A configuration value that remembers where it was written. Both serverless.yml and the POM form load into
 * this tree, so everything after loading (variables, validation, compilers) reports positions the same way.
 */
public sealed interface Node permits MapNode, ListNode, ScalarNode {

    Position position();

    /** Converts to plain Java values (LinkedHashMap, ArrayList, String, Number, Boolean, null). */
    Object toPlain();

    /** A short name of the node's kind, for "expected X but found Y" messages. */
    String kind();
}
