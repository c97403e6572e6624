package dev.metricsagent.it.apps;

import io.prometheus.metrics.config.MetricsProperties;
import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.ClassFileVersion;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import net.bytebuddy.implementation.FixedValue;
import net.bytebuddy.matcher.ElementMatchers;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * An application that uses its own versions of the libraries the agent uses internally,
 * and prints what it sees, one fact per line, each starting with {@code isolation-app }.
 *
 * <p>Usage: {@code IsolationApp [port]} (default 0: a free port). Runs until standard input
 * closes.
 *
 * <p>Printed lines, in order:
 * <pre>
 * isolation-app code source &lt;class name&gt;: &lt;location&gt;
 * isolation-app version &lt;artifactId&gt;: &lt;version from the jar's pom.properties&gt;
 * isolation-app prometheus properties: histogramNativeOnly=&lt;v&gt; histogramClassicUpperBounds=&lt;v&gt; httpServerPort=&lt;v&gt;
 * isolation-app histogram classic upper bounds: [0.5, 1.5, +Inf]
 * isolation-app byte-buddy subclass says: made by the application's byte buddy
 * isolation-app yaml: {name=isolation, values=[1, 2, 3], nested={enabled=true}}
 * isolation-app metrics on port &lt;p&gt;
 * isolation-app ready
 * </pre>
 */
public final class IsolationApp {

    private IsolationApp() {
    }

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;

        printCodeSource(Counter.class, "prometheus-metrics-core");
        printCodeSource(HTTPServer.class, "prometheus-metrics-exporter-httpserver");
        printCodeSource(PrometheusProperties.class, "prometheus-metrics-config");
        printCodeSource(JvmMetrics.class, "prometheus-metrics-instrumentation-jvm");
        printCodeSource(ByteBuddy.class, "byte-buddy");
        printCodeSource(Yaml.class, "snakeyaml");

        PrometheusProperties properties = PrometheusProperties.get();
        MetricsProperties metricsProperties = properties.getDefaultMetricProperties();
        System.out.println("isolation-app prometheus properties:"
                + " histogramNativeOnly=" + metricsProperties.getHistogramNativeOnly()
                + " histogramClassicUpperBounds=" + metricsProperties.getHistogramClassicUpperBounds()
                + " httpServerPort=" + properties.getExporterHttpServerProperties().getPort());

        // The application's own metrics, in its own default registry. JvmMetrics is on the
        // classpath but deliberately not registered: any jvm_ series in this registry
        // would have leaked in from the agent.
        Counter requests = Counter.builder()
                .name("isolation_app_requests_total")
                .help("Requests handled by the isolation app.")
                .register();
        requests.inc();
        requests.inc();
        requests.inc();

        Histogram latency = Histogram.builder()
                .name("isolation_app_latency_seconds")
                .help("Latency as the isolation app's own settings shape it.")
                .register();
        latency.observe(0.7);
        System.out.println("isolation-app histogram classic upper bounds: "
                + classicUpperBounds(latency.collect().getDataPoints().get(0).getClassicBuckets()));

        Class<?> generated = new ByteBuddy(ClassFileVersion.JAVA_V8)
                .subclass(Object.class)
                .method(ElementMatchers.named("toString"))
                .intercept(FixedValue.value("made by the application's byte buddy"))
                .make()
                .load(IsolationApp.class.getClassLoader(), ClassLoadingStrategy.Default.WRAPPER)
                .getLoaded();
        System.out.println("isolation-app byte-buddy subclass says: "
                + generated.getDeclaredConstructor().newInstance());

        // SafeConstructor() without LoaderOptions exists in SnakeYAML 1.x only: this line
        // fails with NoSuchMethodError if a 2.x SnakeYAML were visible to the application.
        @SuppressWarnings("deprecation")
        Yaml yaml = new Yaml(new SafeConstructor());
        Object document = yaml.load("name: isolation\nvalues: [1, 2, 3]\nnested: {enabled: true}\n");
        System.out.println("isolation-app yaml: " + document);

        HTTPServer server = HTTPServer.builder().port(port).buildAndStart();
        System.out.println("isolation-app metrics on port " + server.getPort());

        System.out.println("isolation-app ready");
        System.out.flush();

        waitForEndOfInput();
        server.close();
        System.out.println("isolation-app exiting");
    }

    private static void printCodeSource(Class<?> type, String artifactId) {
        CodeSource codeSource = type.getProtectionDomain().getCodeSource();
        URL location = codeSource == null ? null : codeSource.getLocation();
        System.out.println("isolation-app code source " + type.getName() + ": " + location);
        System.out.println("isolation-app version " + artifactId + ": " + mavenVersion(location, artifactId));
    }

    // The jars do not all carry Implementation-Version; their pom.properties always do.
    private static String mavenVersion(URL jarLocation, String artifactId) {
        if (jarLocation == null || !jarLocation.getPath().endsWith(".jar")) {
            return "unknown";
        }
        try (JarFile jar = new JarFile(new java.io.File(jarLocation.toURI()))) {
            for (JarEntry entry : Collections.list(jar.entries())) {
                if (entry.getName().endsWith("/" + artifactId + "/pom.properties")) {
                    Properties pom = new Properties();
                    try (InputStream in = jar.getInputStream(entry)) {
                        pom.load(in);
                    }
                    return pom.getProperty("version", "unknown");
                }
            }
            return "unknown";
        } catch (Exception e) {
            return "unknown (" + e + ")";
        }
    }

    private static List<String> classicUpperBounds(ClassicHistogramBuckets buckets) {
        List<String> bounds = new ArrayList<>();
        for (int i = 0; i < buckets.size(); i++) {
            double bound = buckets.getUpperBound(i);
            bounds.add(bound == Double.POSITIVE_INFINITY ? "+Inf" : Double.toString(bound));
        }
        return bounds;
    }

    private static void waitForEndOfInput() {
        byte[] buffer = new byte[256];
        try {
            while (System.in.read(buffer) >= 0) {
                // Input is ignored; only its end matters.
            }
        } catch (IOException e) {
            // A broken stdin means the parent is gone: exit as on end of input.
        }
    }
}
