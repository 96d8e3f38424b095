package io.github.serverlessmaven.project;

/** Where the core reports progress; the Mojo adapts Maven's log to it, tests collect lines. */
public interface Log {

    void info(String message);

    void warn(String message);

    void debug(String message);

    Log NONE = new Log() {
        @Override
        public void info(String message) {}

        @Override
        public void warn(String message) {}

        @Override
        public void debug(String message) {}
    };
}
