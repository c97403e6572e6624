package com.example.rules;

/** Throws for negative amounts: the caller must get that very exception. */
public final class PaymentService {

    public long charge(long cents) {
        if (cents < 0) {
            throw new IllegalArgumentException("negative amount " + cents);
        }
        return cents;
    }
}
