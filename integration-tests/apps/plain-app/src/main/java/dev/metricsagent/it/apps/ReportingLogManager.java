package dev.metricsagent.it.apps;

import java.util.logging.LogManager;

/**
 * A {@code java.util.logging.manager} that says when it is made. Application servers (JBoss,
 * WildFly) install theirs once their module system is up: one made earlier, by an agent that
 * touched java.util.logging, would be the JDK's instead, and their logging would fail.
 */
public final class ReportingLogManager extends LogManager {

    public ReportingLogManager() {
        System.err.println("plain-app: log manager made on thread " + Thread.currentThread().getName());
    }
}
