package io.github.serverlessmaven.reliability;

import io.github.serverlessmaven.aws.AwsClients;
import io.github.serverlessmaven.deploy.DeployOptions;
import io.github.serverlessmaven.deploy.DeployReport;
import io.github.serverlessmaven.project.Log;
import io.github.serverlessmaven.testing.Moto;
import io.github.serverlessmaven.testing.MotoProject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A build in its own JVM, so a test can kill it for real (SIGKILL, no shutdown hook, no finally block): runs the
 * core deploy the Mojo runs for {@code <projectDir> <stage> <endpoint>} and prints each log line to stdout,
 * then {@code DONE <result>} or {@code FAILED <message>}.
 */
public final class DeployInChildProcess {

    /** Long enough that the child never gives up on its own while a test holds the stack busy. */
    static final Duration CHILD_TIMEOUT = Duration.ofMinutes(5);

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        String stage = args[1];
        String endpoint = args[2];
        Log stdout = MotoProject.linesTo(DeployInChildProcess::print);
        int exit = 0;
        try (AwsClients aws = Moto.at(endpoint).clients()) {
            DeployReport report = new MotoProject(dir).deploy(aws, stage, stdout,
                    new DeployOptions(false, CHILD_TIMEOUT, Duration.ofMillis(200)));
            print("DONE " + report.result());
        } catch (RuntimeException e) {
            print("FAILED " + e.getMessage());
            exit = 1;
        }
        System.exit(exit);
    }

    private static synchronized void print(String line) {
        System.out.println(line);
        System.out.flush();
    }

    /** Starts the child on this JVM's java binary and class path; its output (stderr too) is collected by line. */
    static Running start(Path dir, String stage, String endpoint) throws IOException {
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"),
                "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), DeployInChildProcess.class.getName(),
                dir.toString(), stage, endpoint));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        return new Running(process);
    }

    /** A running child: its output so far, waits on it, and a real kill. */
    static final class Running implements AutoCloseable {

        private final Process process;
        private final List<String> lines = new CopyOnWriteArrayList<>();

        private Running(Process process) {
            this.process = process;
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        lines.add(line);
                    }
                } catch (IOException e) {
                    // the child is gone
                }
            }, "child-deploy-output");
            reader.setDaemon(true);
            reader.start();
        }

        List<String> lines() {
            return List.copyOf(lines);
        }

        boolean isAlive() {
            return process.isAlive();
        }

        /**
         * Waits until {@code condition} holds; fails (with the child's output) if it does not within
         * {@code timeout} or if the child ends first.
         */
        void awaitWhileAlive(String what, Duration timeout, BooleanSupplier condition) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!condition.getAsBoolean()) {
                if (!process.isAlive()) {
                    throw new AssertionError("the child deploy ended (exit " + process.exitValue() + ") before "
                            + what + "; its output:\n" + String.join("\n", lines));
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("no " + what + " within " + timeout.toSeconds() + " s; the child's "
                            + "output:\n" + String.join("\n", lines));
                }
                sleep(50);
            }
        }

        /** SIGKILL, as a CI runner or the OOM killer would; returns once the process is gone. */
        void kill() {
            process.destroyForcibly();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    throw new AssertionError("the child deploy survived destroyForcibly for 20 s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        int exitValue() {
            return process.exitValue();
        }

        @Override
        public void close() {
            if (process.isAlive()) {
                kill();
            }
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private DeployInChildProcess() {}
}
