package io.github.serverlessmaven.compile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventCompilersTest {

    @Test
    void eachTypeIsCompiledByTheCompilerOfThatType() {
        for (String type : EventCompilers.TYPES) {
            assertThat(EventCompilers.create(type).type()).as(type).isEqualTo(type);
        }
    }
}
