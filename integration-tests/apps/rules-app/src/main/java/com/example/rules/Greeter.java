package com.example.rules;

/** An interface with a default method. */
public interface Greeter {

    String name();

    default String greet() {
        return "hello " + name();
    }
}
