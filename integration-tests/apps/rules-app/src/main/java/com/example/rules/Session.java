package com.example.rules;

/** Created a known number of times: a rule counts its constructor. */
public final class Session {

    private final String user;

    public Session(String user) {
        this.user = user;
    }

    public String user() {
        return user;
    }
}
