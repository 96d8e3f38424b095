package io.github.serverlessmaven.compile;

import io.github.serverlessmaven.model.EventSpec;
import io.github.serverlessmaven.model.FunctionDef;

/**
 * One event of one function, as handed to the compiler of its type.
 *
 * @param typeIndex 1-based counter among this function's events of the same type (v3's N in logical IDs)
 */
public record FunctionEvent(FunctionDef function, EventSpec event, int typeIndex) {}
