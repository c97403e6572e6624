package com.example.rules;

/** Recursion: fib(n) makes 2 * fib(n + 1) - 1 calls of itself. */
public final class Fibonacci {

    private Fibonacci() {
    }

    public static int fib(int n) {
        return n < 2 ? n : fib(n - 1) + fib(n - 2);
    }
}
