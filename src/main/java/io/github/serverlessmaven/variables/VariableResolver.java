package io.github.serverlessmaven.variables;

import io.github.serverlessmaven.config.Node;

/** Resolves {@code ${...}} variables in a configuration tree. (Placeholder: returns the tree unchanged.) */
public final class VariableResolver {

    private final VariableContext context;

    public VariableResolver(VariableContext context) {
        this.context = context;
    }

    public Node resolve(Node root) {
        return root;
    }
}
