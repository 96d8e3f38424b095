package io.github.serverlessmaven.model;

import io.github.serverlessmaven.config.Node;
import io.github.serverlessmaven.config.Position;

/**
 * One entry of a function's {@code events} list, still in its raw form: each event compiler reads its own
 * type's settings from {@code body}, so adding an event type never touches the model.
 *
 * @param type the event key, such as {@code http} or {@code sqs}
 * @param body the value under the key (a string shorthand or a map)
 * @param index 0-based position among all events of the function (v3 uses it in some names)
 * @param path the configuration path, such as {@code functions.hello.events[0].http}
 */
public record EventSpec(String type, Node body, int index, String path, Position position) {}
