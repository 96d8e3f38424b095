package io.github.serverlessmaven.reliability;

import io.github.serverlessmaven.aws.AwsClients;
import io.github.serverlessmaven.testing.FaultProxy;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes change set execution asynchronous behind a {@link FaultProxy}, as CloudFormation's is: ExecuteChangeSet
 * is accepted at once, and until {@link #finish()} every client of the proxy sees the stack
 * {@code UPDATE_IN_PROGRESS}; {@code finish()} then applies the change set in moto. moto itself applies a change
 * set within the ExecuteChangeSet call and never reports an update in progress (not even for a custom resource
 * added by the update: its custom-resource gate only holds a CreateStack), so this is what lets a test kill a
 * build while its change set executes. The tests using it have one stack, whose status is the one rewritten.
 */
final class HeldChangeSetExecution implements AutoCloseable {

    static final String EXECUTE = "cloudformation:ExecuteChangeSet";
    static final String DESCRIBE = "cloudformation:DescribeStacks";
    private static final Pattern CHANGE_SET_NAME = Pattern.compile("(?:^|&)ChangeSetName=([^&]+)");
    private static final Pattern STACK_STATUS = Pattern.compile("<StackStatus>[A-Z_]+</StackStatus>");

    private final FaultProxy proxy;
    private final AwsClients moto;
    private final List<String> held = new CopyOnWriteArrayList<>();
    private volatile boolean executing;

    /** Holds every change set executed through {@code proxy}; {@code moto} (direct) applies them on finish. */
    HeldChangeSetExecution(FaultProxy proxy, AwsClients moto) {
        this.proxy = proxy;
        this.moto = moto;
        proxy.intercept(EXECUTE, new FaultProxy.Intercept() {
            @Override
            public FaultProxy.Answer answer(String requestBody) {
                Matcher name = CHANGE_SET_NAME.matcher(requestBody);
                if (!name.find()) {
                    return null;
                }
                held.add(URLDecoder.decode(name.group(1), StandardCharsets.UTF_8));
                executing = true;
                return new FaultProxy.Answer(200, "text/xml", "<ExecuteChangeSetResponse xmlns=\""
                        + "http://cloudformation.amazonaws.com/doc/2010-05-15/\"><ExecuteChangeSetResult/>"
                        + "<ResponseMetadata><RequestId>held-by-test</RequestId></ResponseMetadata>"
                        + "</ExecuteChangeSetResponse>");
            }
        });
        proxy.intercept(DESCRIBE, new FaultProxy.Intercept() {
            @Override
            public String rewrite(String responseBody) {
                return executing ? STACK_STATUS.matcher(responseBody)
                        .replaceAll("<StackStatus>UPDATE_IN_PROGRESS</StackStatus>") : responseBody;
            }
        });
    }

    /** True once a change set was executed and until it is finished. */
    boolean executing() {
        return executing;
    }

    /** The held change sets' ARNs, oldest first. */
    List<String> changeSets() {
        return List.copyOf(held);
    }

    /**
     * CloudFormation finishes the execution: moto applies the held change sets, then the stack reads complete.
     * Executions from then on are no longer held.
     */
    void finish() {
        proxy.stopIntercepting(EXECUTE);
        for (String changeSet : held) {
            moto.cloudFormation().executeChangeSet(r -> r.changeSetName(changeSet));
            held.remove(changeSet);
        }
        close();
    }

    /** Stops holding and rewriting; a change set still held is never applied. */
    @Override
    public void close() {
        proxy.stopIntercepting(EXECUTE);
        executing = false;
        proxy.stopIntercepting(DESCRIBE);
    }
}
