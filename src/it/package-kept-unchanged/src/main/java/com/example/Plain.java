package com.example;

public class Plain {

    public String handleRequest(String input) {
        return input.toUpperCase();
    }
}
