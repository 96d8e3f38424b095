package com.example.shared;

/** Code both functions use: it must end up inside each function's deployable. */
public final class Greeting {

    private Greeting() {}

    public static String of(String who) {
        return "Hello, " + who;
    }
}
