package com.example.rules;

/** What plugins implement; a rule selects every implementation by this interface. */
public interface Plugin {

    String run(String input);
}
