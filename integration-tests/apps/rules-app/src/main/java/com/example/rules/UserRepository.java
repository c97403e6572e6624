package com.example.rules;

/** Inherits find from {@link BaseRepository}. */
public final class UserRepository extends BaseRepository {

    @Override
    protected String name() {
        return "user";
    }
}
