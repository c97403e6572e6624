package com.example.rules;

/** One annotated method, one not. */
public final class Reports {

    @Monitored
    public String daily() {
        return "daily";
    }

    public String weekly() {
        return "weekly";
    }
}
