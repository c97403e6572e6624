package com.example.rules;

/** Overloads: one metric series per method name, or one overload by its parameters. */
public final class TextFormatter {

    public String format(String text) {
        return text.trim();
    }

    public String format(String text, int width) {
        return String.format("%" + width + "s", text);
    }
}
