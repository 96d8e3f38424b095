package bench;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugins.annotations.Mojo;

/** Does nothing, so that running it costs exactly what Maven spends to run any plugin goal. */
@Mojo(name = "noop", requiresProject = false, threadSafe = true)
public class NoopMojo extends AbstractMojo {
    @Override
    public void execute() {}
}
