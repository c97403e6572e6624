package com.example.rules;

/** Uses {@link Greeter#greet()} as it is. */
public final class EnglishGreeter implements Greeter {

    @Override
    public String name() {
        return "world";
    }
}
