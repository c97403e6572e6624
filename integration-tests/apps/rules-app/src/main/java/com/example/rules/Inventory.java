package com.example.rules;

/** A public method calling a private one. */
public final class Inventory {

    public boolean check(String item) {
        return reserve(item);
    }

    private boolean reserve(String item) {
        return !item.isEmpty();
    }
}
