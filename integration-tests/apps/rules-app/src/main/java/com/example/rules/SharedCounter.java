package com.example.rules;

import java.util.concurrent.atomic.AtomicLong;

/** Called from many threads at once. */
public final class SharedCounter {

    private final AtomicLong value = new AtomicLong();

    public long increment() {
        return value.incrementAndGet();
    }
}
