package org.sanshe.bot.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * A fake WeCom API on 127.0.0.1 for end-to-end tests: the service's real weixin-java-cp client and its response_url
 * POSTs talk to it over HTTP. It records every request and answers like WeCom for the calls the service makes; a
 * customer group's details ({@code groupchat/get}) are what a test programmed with {@link #customerGroup}.
 */
public final class FakeWeComServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request the fake received. */
    public record Call(String method, String path, String query, JsonNode body) {}

    private final HttpServer server;
    private final List<Call> calls = new ArrayList<>();
    private final java.util.Map<String, java.util.Deque<Integer>> faults = new java.util.HashMap<>();
    private final java.util.Map<String, JsonNode> customerGroups = new java.util.HashMap<>();
    private final java.util.Map<String, java.util.Deque<Integer>> customerGroupFaults = new java.util.HashMap<>();

    /** A member of a customer group as {@code groupchat/get} lists it; {@code type} 1 staff, 2 WeChat user. */
    public record GroupChatMember(String userId, int type, String name, String groupNickname) {}

    /** From now on {@code groupchat/get} describes this customer group; any chat not described answers 86003. */
    public synchronized void customerGroup(String chatId, String name, String owner, List<GroupChatMember> members) {
        var chat = JSON.createObjectNode();
        chat.put("chat_id", chatId);
        chat.put("name", name);
        chat.put("owner", owner);
        chat.put("create_time", 1_700_000_000);
        chat.put("notice", "");
        var list = chat.putArray("member_list");
        for (GroupChatMember m : members) {
            var o = list.addObject();
            o.put("userid", m.userId());
            o.put("type", m.type());
            o.put("join_time", 1_700_000_000);
            o.put("join_scene", 1);
            o.put("name", m.name());
            o.put("group_nickname", m.groupNickname());
        }
        chat.putArray("admin_list");
        chat.put("member_version", "v1");
        customerGroups.put(chatId, chat);
    }

    /** The next {@code times} {@code groupchat/get} requests for this chat answer with WeCom error {@code errcode}. */
    public synchronized void failCustomerGroup(String chatId, int errcode, int times) {
        for (int i = 0; i < times; i++) {
            customerGroupFaults
                    .computeIfAbsent(chatId, k -> new java.util.ArrayDeque<>())
                    .add(errcode);
        }
    }

    private synchronized String groupChatGet(JsonNode request) {
        String chat = request.path("chat_id").asText("");
        var pending = customerGroupFaults.get(chat);
        if (pending != null && !pending.isEmpty()) {
            return "{\"errcode\":" + pending.poll() + ",\"errmsg\":\"fault\"}";
        }
        JsonNode group = customerGroups.get(chat);
        if (group == null) {
            return "{\"errcode\":86003,\"errmsg\":\"chat not exist\"}";
        }
        var answer = JSON.createObjectNode();
        answer.put("errcode", 0);
        answer.put("errmsg", "ok");
        answer.set("group_chat", group);
        return answer.toString();
    }

    /** The next {@code times} requests whose query contains {@code marker} answer with WeCom error {@code errcode}. */
    public synchronized void fail(String marker, int errcode, int times) {
        for (int i = 0; i < times; i++) {
            faults.computeIfAbsent(marker, k -> new java.util.ArrayDeque<>()).add(errcode);
        }
    }

    private synchronized Integer faultFor(String query) {
        for (var e : faults.entrySet()) {
            if (query != null && query.contains(e.getKey()) && !e.getValue().isEmpty()) {
                return e.getValue().poll();
            }
        }
        return null;
    }

    public FakeWeComServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String responseUrl(String code) {
        return baseUrl() + "/cgi-bin/aibot/response?response_code=" + code;
    }

    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> calls(String path) {
        return calls().stream().filter(c -> c.path().equals(path)).toList();
    }

    /** Waits (polling, bounded) until the calls matching the predicate reach {@code n}; answers them. */
    public List<Call> await(Predicate<Call> which, int n, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        List<Call> found;
        while ((found = calls().stream().filter(which).toList()).size() < n && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        return found;
    }

    private void handle(HttpExchange x) throws IOException {
        URI uri = x.getRequestURI();
        String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        JsonNode json = body.isEmpty() ? JSON.createObjectNode() : JSON.readTree(body);
        synchronized (this) {
            calls.add(new Call(x.getRequestMethod(), uri.getPath(), uri.getRawQuery(), json));
        }
        Integer fault = faultFor(uri.getRawQuery());
        String answer = fault != null
                ? "{\"errcode\":" + fault + ",\"errmsg\":\"fault\"}"
                : switch (uri.getPath()) {
                    case "/cgi-bin/gettoken" ->
                        "{\"errcode\":0,\"errmsg\":\"ok\",\"access_token\":\"FAKE\",\"expires_in\":7200}";
                    case "/cgi-bin/message/send" ->
                        "{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":\"m" + calls.size() + "\"}";
                    case "/cgi-bin/aibot/response" -> "{\"errcode\":0,\"errmsg\":\"ok\"}";
                    case "/cgi-bin/message/update_template_card" -> "{\"errcode\":0,\"errmsg\":\"ok\"}";
                    case "/cgi-bin/externalcontact/groupchat/get" -> groupChatGet(json);
                    default -> "{\"errcode\":404,\"errmsg\":\"not faked\"}";
                };
        byte[] out = answer.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(200, out.length);
        x.getResponseBody().write(out);
        x.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
