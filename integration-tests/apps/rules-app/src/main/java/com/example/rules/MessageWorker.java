package com.example.rules;

/** A message handler counted per queue, the queue being its first argument. */
public final class MessageWorker {

    private int handled;

    public void handle(String queue, String body) {
        handled += body.length() > 0 ? 1 : 0;
    }

    public int handled() {
        return handled;
    }
}
