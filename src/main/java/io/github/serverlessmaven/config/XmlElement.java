package io.github.serverlessmaven.config;

import java.util.List;
import java.util.Map;

/** A neutral XML element (from the POM's plugin configuration), so the conversion rules need no Maven. */
public record XmlElement(String name, Map<String, String> attributes, String text, List<XmlElement> children) {

    public XmlElement {
        attributes = Map.copyOf(attributes);
        children = List.copyOf(children);
    }
}
