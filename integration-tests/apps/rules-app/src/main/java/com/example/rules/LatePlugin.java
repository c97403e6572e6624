package com.example.rules;

/**
 * Never loaded by the application class loader: {@link PluginLoader} defines it from its class
 * file, in its own class loader, long after the agent started.
 */
public final class LatePlugin implements Plugin {

    @Override
    public String run(String input) {
        return input.toUpperCase();
    }
}
