package io.github.serverlessmaven.variables;

import io.github.serverlessmaven.config.Problem;

/**
 * Why a variable could not be resolved. Internal: the resolver collects these and throws one
 * {@link io.github.serverlessmaven.config.ConfigException} with all of them.
 *
 * @see VariableResolver
 */
final class ResolutionFailure extends RuntimeException {

    private final Problem problem;
    private final boolean deferred;

    ResolutionFailure(Problem problem, boolean deferred) {
        super(problem.render(), null, false, false);
        this.problem = problem;
        this.deferred = deferred;
    }

    Problem problem() {
        return problem;
    }

    /** Only a deploy-time (AWS) source was missing: tolerated where nothing needs the value for packaging. */
    boolean deferred() {
        return deferred;
    }
}
