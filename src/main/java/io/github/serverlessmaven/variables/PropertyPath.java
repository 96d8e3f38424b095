package io.github.serverlessmaven.variables;

/**
 * A location in the configuration tree. {@link #id()} identifies it (map keys and list indexes alike, as v3's
 * {@code ${self:a.0}} does); {@link #display()} is how messages show it ({@code functions.hello.events[0]}).
 */
final class PropertyPath {

    static final PropertyPath ROOT = new PropertyPath(null, null, "", "", 0);

    private final PropertyPath parent;
    private final String key;
    private final String id;
    private final String display;
    private final int length;

    private PropertyPath(PropertyPath parent, String key, String id, String display, int length) {
        this.parent = parent;
        this.key = key;
        this.id = id;
        this.display = display;
        this.length = length;
    }

    PropertyPath child(String childKey, boolean listIndex) {
        String childId = length == 0 ? childKey : id + '\0' + childKey;
        String childDisplay;
        if (listIndex) {
            childDisplay = display + "[" + childKey + "]";
        } else {
            childDisplay = length == 0 ? childKey : display + "." + childKey;
        }
        return new PropertyPath(this, childKey, childId, childDisplay, length + 1);
    }

    PropertyPath parent() {
        return parent;
    }

    String key() {
        return key;
    }

    String id() {
        return id;
    }

    String display() {
        return display;
    }

    boolean isRoot() {
        return length == 0;
    }

    /** This path equals {@code other} or lies inside it. */
    boolean isWithin(PropertyPath other) {
        return other.length == 0 || id.equals(other.id) || id.startsWith(other.id + '\0');
    }

    String firstKey() {
        PropertyPath p = this;
        while (p.length > 1) {
            p = p.parent;
        }
        return p.key;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PropertyPath other && other.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return display;
    }
}
