package io.github.serverlessmaven.maven;

import io.github.serverlessmaven.model.Service;
import io.github.serverlessmaven.print.ConfigPrinter;
import java.util.Set;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Prints the configuration with every variable resolved, as {@code serverless print} does; secret values are
 * masked. Use {@code mvn -q} to get only the configuration on stdout. Needs no AWS access.
 */
@Mojo(name = "print", requiresProject = false, threadSafe = true)
public class PrintMojo extends AbstractServerlessMojo {

    /** yaml (default), json, or text (a single value or a list of values). */
    @Parameter(property = "serverless.format", defaultValue = "yaml")
    private String format;

    /** Prints only the value at this dotted path, e.g. {@code provider.environment} or {@code functions.hello}. */
    @Parameter(property = "serverless.path")
    private String path;

    @Override
    protected String goal() {
        return "print";
    }

    @Override
    protected void run() {
        ConfigPrinter.Format chosen = ConfigPrinter.format(format);
        Service service = pipeline().load(packageRequest());
        Set<String> secretPaths = service.secretPaths();
        System.out.println(ConfigPrinter.print(service.root().toPlain(), secretPaths, blankToNull(path), chosen,
                service.configFile()));
    }
}
