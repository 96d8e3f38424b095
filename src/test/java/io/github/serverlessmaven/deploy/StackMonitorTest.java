package io.github.serverlessmaven.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudformation.model.StackEvent;

/**
 * How real CloudFormation failures read. moto never produces failed stack events, so this checks the wording on
 * events as AWS sends them.
 */
class StackMonitorTest {

    private static StackEvent event(String id, String type, String status, String reason) {
        return StackEvent.builder().eventId(id + status).logicalResourceId(id).resourceType(type)
                .resourceStatus(status).resourceStatusReason(reason).build();
    }

    @Test
    void failureNamesEachFailedResourceWithItsReasonAndLeavesOutCancelledOnes() {
        List<StackEvent> events = List.of(
                event("demo-dev", "AWS::CloudFormation::Stack", "UPDATE_IN_PROGRESS", "User Initiated"),
                event("Queue", "AWS::SQS::Queue", "UPDATE_FAILED", "Resource update cancelled"),
                event("HelloLambdaFunction", "AWS::Lambda::Function", "UPDATE_FAILED",
                        "Resource handler returned message: \"Error occurred while GetObject. S3 Error Code: "
                                + "NoSuchKey\""),
                event("demo-dev", "AWS::CloudFormation::Stack", "UPDATE_ROLLBACK_COMPLETE", null));

        StackFailedException e = StackMonitor.failure("demo-dev", "UPDATE", "UPDATE_ROLLBACK_COMPLETE", null, events);

        assertThat(e).hasMessage("""
                Stack demo-dev failed to update (UPDATE_ROLLBACK_COMPLETE):
                  - HelloLambdaFunction (AWS::Lambda::Function): Resource handler returned message: "Error occurred \
                while GetObject. S3 Error Code: NoSuchKey\"""");
        assertThat(e.failedResources()).singleElement().asString().startsWith("HelloLambdaFunction");
    }

    @Test
    void failureWithoutResourceEventsFallsBackToTheStackReason() {
        StackFailedException e = StackMonitor.failure("demo-dev", "CREATE", "ROLLBACK_COMPLETE",
                "The following resource(s) failed to create: [Bucket].", List.of());

        assertThat(e).hasMessage("Stack demo-dev failed to create (ROLLBACK_COMPLETE): The following resource(s) "
                + "failed to create: [Bucket].");
    }

    @Test
    void eventsPrintAsOnePlainLine() {
        assertThat(StackMonitor.line(event("HelloLambdaFunction", "AWS::Lambda::Function", "CREATE_FAILED",
                "Role not ready"), "demo-dev"))
                .isEqualTo("CREATE_FAILED  HelloLambdaFunction (AWS::Lambda::Function): Role not ready");
        assertThat(StackMonitor.line(event("demo-dev", "AWS::CloudFormation::Stack", "UPDATE_IN_PROGRESS",
                "User Initiated"), "demo-dev"))
                .isEqualTo("UPDATE_IN_PROGRESS  stack demo-dev");
    }
}
