package org.sanshe.bot.load;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The WeCom API as far as the service calls it (the same paths and answers as scripts/wecom-client/fake-wecom.mjs), on
 * 127.0.0.1, recording when each reply arrives (System.nanoTime, the generator's own clock):
 *
 * <ul>
 *   <li>{@code GET /cgi-bin/gettoken}: a token;
 *   <li>{@code POST /cgi-bin/aibot/response?response_code=}: an AI-bot reply, keyed {@code rc:<code>}; a second POST
 *       to the same code is refused with 600039, as WeCom does (single use);
 *   <li>{@code POST /cgi-bin/message/send}: an app message, keyed {@code to:<user>} for each {@code touser};
 *   <li>{@code POST /cgi-bin/message/update_template_card}: keyed {@code card:<response_code>};
 *   <li>{@code POST /cgi-bin/externalcontact/groupchat/get}: 86003 (no such group: the load's customer groups are
 *       not registered); {@code add_msg_template}: ok;
 *   <li>anything else: 404, counted by path.
 * </ul>
 *
 * It does not parse JSON: the few fields it needs are found as strings, which is enough for the service's compact
 * bodies and keeps the fake cheap (it shares the cores with the service).
 */
public final class FakeWeCom implements AutoCloseable {
    /** First arrival and how many arrived for one key. */
    public static final class Arrival {
        final long firstNanos;
        final AtomicInteger count = new AtomicInteger(1);

        Arrival(long firstNanos) {
            this.firstNanos = firstNanos;
        }

        public long firstNanos() {
            return firstNanos;
        }

        public int count() {
            return count.get();
        }
    }

    private final ConcurrentHashMap<String, Arrival> arrivals = new ConcurrentHashMap<>(1 << 16);
    private final Map<String, LongAdder> byPath = new ConcurrentHashMap<>();
    private final AtomicLong lastArrivalNanos = new AtomicLong();
    private final AtomicInteger tokens = new AtomicInteger();
    private final EventLoopGroup group;
    private final Channel server;

    public FakeWeCom(int port, int threads) throws InterruptedException {
        group = new NioEventLoopGroup(threads, Threads.daemon("fake-wecom"));
        server = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline()
                                .addLast(new HttpServerCodec())
                                .addLast(new HttpObjectAggregator(1 << 20))
                                .addLast(new Handler());
                    }
                })
                .bind("127.0.0.1", port)
                .sync()
                .channel();
    }

    public int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public Arrival arrival(String key) {
        return arrivals.get(key);
    }

    public long lastArrivalNanos() {
        return lastArrivalNanos.get();
    }

    /** Requests by path (and 404s as "unknown …"), sorted. */
    public Map<String, Long> requestsByPath() {
        var out = new TreeMap<String, Long>();
        byPath.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    private void arrived(String key, long now) {
        lastArrivalNanos.accumulateAndGet(now, Math::max);
        Arrival a = arrivals.putIfAbsent(key, new Arrival(now));
        if (a != null) {
            a.count.incrementAndGet();
        }
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** The value of a top-level or nested string field {@code "name":"value"}; null when absent. */
    static String stringField(String json, String name) {
        String needle = "\"" + name + "\"";
        int i = json.indexOf(needle);
        while (i >= 0) {
            int j = i + needle.length();
            while (j < json.length() && Character.isWhitespace(json.charAt(j))) j++;
            if (j < json.length() && json.charAt(j) == ':') {
                j++;
                while (j < json.length() && Character.isWhitespace(json.charAt(j))) j++;
                if (j < json.length() && json.charAt(j) == '"') {
                    int end = json.indexOf('"', j + 1);
                    return end < 0 ? null : json.substring(j + 1, end);
                }
                return null;
            }
            i = json.indexOf(needle, i + 1);
        }
        return null;
    }

    private final class Handler extends SimpleChannelInboundHandler<FullHttpRequest> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
            long now = System.nanoTime();
            var uri = new QueryStringDecoder(req.uri());
            String path = uri.path();
            String answer;
            HttpResponseStatus status = HttpResponseStatus.OK;
            boolean post = req.method() == HttpMethod.POST;
            switch (path) {
                case "/cgi-bin/gettoken" ->
                    answer = "{\"errcode\":0,\"errmsg\":\"ok\",\"access_token\":\"LOAD_TOKEN_"
                            + tokens.incrementAndGet() + "\",\"expires_in\":7200}";
                case "/cgi-bin/aibot/response" -> {
                    String code = first(uri.parameters().get("response_code"));
                    Arrival before = arrivals.get("rc:" + code);
                    arrived("rc:" + code, now);
                    answer = before == null
                            ? "{\"errcode\":0,\"errmsg\":\"ok\"}"
                            : "{\"errcode\":600039,\"errmsg\":\"response_code already used\"}";
                }
                case "/cgi-bin/message/send" -> {
                    String to = stringField(req.content().toString(StandardCharsets.UTF_8), "touser");
                    if (to != null) {
                        for (String u : to.split("\\|")) {
                            arrived("to:" + u, now);
                        }
                    }
                    answer = "{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":\"m" + now + "\"}";
                }
                case "/cgi-bin/message/update_template_card" -> {
                    String code = stringField(req.content().toString(StandardCharsets.UTF_8), "response_code");
                    arrived("card:" + code, now);
                    answer = "{\"errcode\":0,\"errmsg\":\"ok\",\"invaliduser\":[]}";
                }
                case "/cgi-bin/externalcontact/groupchat/get" ->
                    answer = "{\"errcode\":86003,\"errmsg\":\"chat not exists\"}";
                case "/cgi-bin/externalcontact/add_msg_template" ->
                    answer = "{\"errcode\":0,\"errmsg\":\"ok\",\"fail_list\":[],\"msgid\":\"msgGROUP\"}";
                default -> {
                    status = HttpResponseStatus.NOT_FOUND;
                    path = "unknown " + req.method() + " " + path;
                    answer = "{\"errcode\":404,\"errmsg\":\"no such endpoint\"}";
                }
            }
            if (!post && !path.equals("/cgi-bin/gettoken") && status == HttpResponseStatus.OK) {
                path = path + " (" + req.method() + ")";
            }
            byPath.computeIfAbsent(path, k -> new LongAdder()).increment();
            ByteBuf body = Unpooled.copiedBuffer(answer, StandardCharsets.UTF_8);
            FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, body);
            res.headers()
                    .set(HttpHeaderNames.CONTENT_TYPE, "application/json; charset=utf-8")
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
            boolean keepAlive = HttpUtil.isKeepAlive(req);
            if (keepAlive) {
                res.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
                ctx.writeAndFlush(res);
            } else {
                ctx.writeAndFlush(res).addListener(f -> ctx.close());
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() ? "" : values.get(0);
    }
}
