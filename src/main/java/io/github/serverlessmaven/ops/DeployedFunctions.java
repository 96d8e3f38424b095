package io.github.serverlessmaven.ops;

import io.github.serverlessmaven.config.ConfigReader;
import io.github.serverlessmaven.deploy.DeployException;
import io.github.serverlessmaven.model.FunctionDef;
import io.github.serverlessmaven.model.Service;
import java.util.List;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/** Finds a function of the model by its key, and turns "not found in Lambda" into advice to deploy first. */
public final class DeployedFunctions {

    private DeployedFunctions() {}

    /** The functions to act on: the one named, or all when {@code key} is null or blank. */
    public static List<FunctionDef> select(Service service, String key) {
        return key == null || key.isBlank() ? List.copyOf(service.functions().values()) : List.of(named(service, key));
    }

    public static FunctionDef named(Service service, String key) {
        if (service.functions().isEmpty()) {
            throw new DeployException("Service " + service.name() + " has no functions; perhaps you should add one "
                    + "under 'functions:'.");
        }
        if (key == null || key.isBlank()) {
            throw new DeployException("No function was named; perhaps you should pass -Dserverless.function=NAME, "
                    + "one of " + String.join(", ", service.functions().keySet()) + ".");
        }
        FunctionDef fn = service.functions().get(key);
        if (fn == null) {
            String close = ConfigReader.closest(key, service.functions().keySet());
            throw new DeployException("There is no function '" + key + "' in " + service.name() + " (functions: "
                    + String.join(", ", service.functions().keySet()) + "); perhaps you should write "
                    + "-Dserverless.function=" + (close != null ? close : service.functions().keySet().iterator()
                            .next()) + ".");
        }
        return fn;
    }

    static DeployException notDeployed(Service service, FunctionDef fn, ResourceNotFoundException e) {
        return new DeployException("Function " + fn.key() + " (" + fn.name() + ") is not deployed in "
                + service.region() + " (stage " + service.stage() + "); perhaps you should run "
                + "'mvn serverless:deploy' first.", e);
    }
}
