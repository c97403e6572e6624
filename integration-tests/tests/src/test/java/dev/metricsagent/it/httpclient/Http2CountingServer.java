package dev.metricsagent.it.httpclient;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * A Jetty 12 server on loopback that speaks HTTP/2: cleartext (h2c, reached by an HTTP/1.1
 * upgrade) on {@link #h2cPort()}, and over TLS with ALPN on {@link #tlsPort()}. It counts every
 * request it receives by protocol and path, and answers by the path's last segment: {@code ok}
 * 200, {@code missing} 404, {@code slow} 200 after 3 s (longer than the clients' 1 s timeout),
 * anything else 200.
 */
final class Http2CountingServer implements AutoCloseable {

    private final Server server = new Server();
    private final ServerConnector h2c;
    private final ServerConnector tls;
    private final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();

    Http2CountingServer(Path keystore, String password) throws Exception {
        HttpConfiguration plain = new HttpConfiguration();
        h2c = new ServerConnector(server, new HttpConnectionFactory(plain), new HTTP2CServerConnectionFactory(plain));
        h2c.setHost("127.0.0.1");

        HttpConfiguration secure = new HttpConfiguration(plain);
        SecureRequestCustomizer customizer = new SecureRequestCustomizer();
        customizer.setSniHostCheck(false); // clients connect to 127.0.0.1: no SNI
        secure.addCustomizer(customizer);
        SslContextFactory.Server keys = new SslContextFactory.Server();
        keys.setKeyStorePath(keystore.toString());
        keys.setKeyStorePassword(password);
        keys.setKeyStoreType("PKCS12");
        ALPNServerConnectionFactory alpn = new ALPNServerConnectionFactory("h2", "http/1.1");
        tls = new ServerConnector(server, new SslConnectionFactory(keys, alpn.getProtocol()), alpn,
                new HTTP2ServerConnectionFactory(secure), new HttpConnectionFactory(secure));
        tls.setHost("127.0.0.1");

        server.addConnector(h2c);
        server.addConnector(tls);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                return respond(request, response, callback);
            }
        });
        server.start();
    }

    int h2cPort() {
        return h2c.getLocalPort();
    }

    int tlsPort() {
        return tls.getLocalPort();
    }

    /** Requests received for this path with this protocol ({@code HTTP/2.0}, {@code HTTP/1.1}). */
    int received(String protocol, String path) {
        AtomicInteger count = received.get(protocol + " " + path);
        return count == null ? 0 : count.get();
    }

    /** What was received, for assertion messages. */
    Map<String, AtomicInteger> log() {
        return Map.copyOf(received);
    }

    private boolean respond(Request request, Response response, Callback callback) throws InterruptedException {
        String path = request.getHttpURI().getPath();
        String protocol = request.getConnectionMetaData().getProtocol();
        received.computeIfAbsent(protocol + " " + path, k -> new AtomicInteger()).incrementAndGet();
        String last = path.substring(path.lastIndexOf('/') + 1);
        switch (last) {
            case "missing" -> response.setStatus(HttpStatus.NOT_FOUND_404);
            case "slow" -> Thread.sleep(3_000);
            default -> response.setStatus(HttpStatus.OK_200);
        }
        Content.Sink.write(response, true, last, callback);
        return true;
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
