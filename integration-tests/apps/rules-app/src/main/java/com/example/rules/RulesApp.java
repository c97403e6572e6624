package com.example.rules;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Calls each method a known number of times (the tests assert these exact counts), prints
 * {@code rules-app ready}, then waits for its standard input to close. Its package is outside
 * dev.metricsagent on purpose: the agent never instruments its own packages.
 */
public final class RulesApp {

    static final int FIBONACCI_OF = 10; // 177 calls of fib
    static final int THREADS = 8;
    static final int CALLS_PER_THREAD = 1000;

    private RulesApp() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("rules-app fib(" + FIBONACCI_OF + ") = " + Fibonacci.fib(FIBONACCI_OF));
        concurrentIncrements();

        Inventory inventory = new Inventory();
        for (String item : new String[] {"apple", "pear", "plum"}) {
            inventory.check(item);
        }
        UserRepository users = new UserRepository();
        for (long id = 1; id <= 4; id++) {
            users.find(id);
        }
        Greeter greeter = new EnglishGreeter();
        greeter.greet();
        greeter.greet();
        TextFormatter formatter = new TextFormatter();
        formatter.format(" a ");
        formatter.format("b", 3);
        formatter.format("c", 4);

        PaymentService payments = new PaymentService();
        for (long cents : new long[] {100, 200, -1, 300, -2}) {
            try {
                payments.charge(cents);
            } catch (IllegalArgumentException e) {
                StackTraceElement top = e.getStackTrace()[0];
                System.out.println("rules-app caught " + e.getClass().getName() + ": " + e.getMessage() + " at "
                        + top.getClassName() + "." + top.getMethodName());
            }
        }

        MessageWorker worker = new MessageWorker();
        worker.handle("orders", "1");
        worker.handle("orders", "2");
        worker.handle("refunds", "3");
        worker.handle("orders", "4");

        Reports reports = new Reports();
        reports.daily();
        reports.daily();
        reports.weekly();

        for (String user : new String[] {"ann", "bob", "cid"}) {
            new Session(user).user();
        }

        Thread.sleep(200); // well after the agent started: the plugin class is loaded late
        PluginLoader loader = new PluginLoader(LatePlugin.class.getName(), RulesApp.class.getClassLoader());
        Plugin plugin = (Plugin) loader.loadClass(LatePlugin.class.getName()).getDeclaredConstructor().newInstance();
        for (int i = 0; i < 6; i++) {
            plugin.run("x" + i);
        }
        System.out.println("rules-app plugin loaded by " + plugin.getClass().getClassLoader().getClass().getSimpleName());

        System.out.println("rules-app ready");
        System.out.flush();
        waitForEndOfInput();
    }

    private static void concurrentIncrements() throws InterruptedException {
        SharedCounter counter = new SharedCounter();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < CALLS_PER_THREAD; i++) {
                    counter.increment();
                }
            });
            thread.start();
            threads.add(thread);
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
    }

    private static void waitForEndOfInput() {
        InputStream in = System.in;
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) >= 0) {
                // Input is ignored; only its end matters.
            }
        } catch (IOException e) {
            // A broken stdin means the parent is gone: exit as on end of input.
        }
    }
}
