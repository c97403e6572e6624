package com.example.rules;

/** find is declared here and inherited by {@link UserRepository}. */
public abstract class BaseRepository {

    public String find(long id) {
        return name() + id;
    }

    protected abstract String name();
}
