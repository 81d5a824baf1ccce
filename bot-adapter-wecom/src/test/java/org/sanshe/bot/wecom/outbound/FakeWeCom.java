package org.sanshe.bot.wecom.outbound;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake WeCom API on 127.0.0.1 (JDK HttpServer): hands out access tokens on /cgi-bin/gettoken, records every request,
 * and answers other paths with scripted replies (by default {@code {"errcode":0,...}}).
 */
final class FakeWeCom implements AutoCloseable {
    record Request(String method, String path, String query, String body) {}

    record Reply(int status, String body, long delayMillis) {
        Reply(int status, String body) {
            this(status, body, 0);
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Reply>> scripted = new ConcurrentHashMap<>();
    private final AtomicInteger tokens = new AtomicInteger();

    FakeWeCom() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    String base() {
        return "http://127.0.0.1:" + port();
    }

    /** The next request to this path (gettoken included) gets this reply, in the order enqueued. */
    FakeWeCom then(String path, int status, String body) {
        scripted.computeIfAbsent(path, p -> new ArrayDeque<>()).add(new Reply(status, body));
        return this;
    }

    /** The next request to this path is taken (recorded) and answered ok only after {@code millis}. */
    FakeWeCom thenLate(String path, long millis) {
        scripted.computeIfAbsent(path, p -> new ArrayDeque<>())
                .add(new Reply(200, "{\"errcode\":0,\"errmsg\":\"ok\"}", millis));
        return this;
    }

    FakeWeCom thenErrcode(String path, int errcode) {
        return then(path, 200, "{\"errcode\":" + errcode + ",\"errmsg\":\"scripted\"}");
    }

    List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    int tokenRequests() {
        return requests("/cgi-bin/gettoken").size();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getPath();
        requests.add(new Request(
                exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(), body));
        Reply reply;
        Deque<Reply> queue = scripted.get(path);
        Reply next;
        synchronized (this) {
            next = queue == null ? null : queue.poll();
        }
        if (next != null) {
            reply = next;
        } else if (path.equals("/cgi-bin/gettoken")) {
            reply = new Reply(
                    200,
                    "{\"errcode\":0,\"errmsg\":\"ok\",\"access_token\":\"TOKEN" + tokens.incrementAndGet()
                            + "\",\"expires_in\":7200}");
        } else {
            reply = new Reply(200, "{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":\"MSGID-OK\"}");
        }
        if (reply.delayMillis() > 0) {
            try {
                Thread.sleep(reply.delayMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
