package org.sanshe.bot.load;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpVersion;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Keep-alive HTTP/1.1 connections to the targets, one request in flight per connection (no pipelining, as WeCom's
 * own client): the number of connections is the in-flight cap. A request is taken by an idle connection; its answer
 * (or the connection's loss) is reported to the {@link Listener} on the connection's event loop, then the connection
 * is idle again. A lost connection is replaced.
 */
public final class Sender implements AutoCloseable {
    /** Told about each finished request: its status (or -1 for a lost connection) and the time it finished. */
    public interface Listener {
        void done(Traffic.Send send, long intendedNanos, int status, long nowNanos);
    }

    /** One connection and what it is doing. */
    final class Slot {
        final Target target;
        volatile Channel channel;
        Traffic.Send current;
        long intended;
        Listener listener;

        Slot(Target target) {
            this.target = target;
        }

        void fire(Traffic.Send send, long intendedNanos, String path, Listener l) {
            current = send;
            intended = intendedNanos;
            listener = l;
            if (!channel.isActive()) {
                finished(-1); // lost between its answer and now; being replaced
                return;
            }
            var m = send.message();
            String ts = Long.toString(System.currentTimeMillis() / 1000);
            String nonce =
                    Integer.toString(100_000_000 + ThreadLocalRandom.current().nextInt(1_900_000_000));
            String sig = (m.app() ? app : aibot).sign(ts, nonce, m.encrypt());
            FullHttpRequest req = new DefaultFullHttpRequest(
                    HttpVersion.HTTP_1_1,
                    HttpMethod.POST,
                    path + "?msg_signature=" + sig + "&timestamp=" + ts + "&nonce=" + nonce,
                    Unpooled.wrappedBuffer(m.body()));
            req.headers()
                    .set(HttpHeaderNames.HOST, target.hostHeader)
                    .set(HttpHeaderNames.CONTENT_TYPE, m.app() ? "text/xml; charset=utf-8" : "application/json")
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, m.body().length);
            channel.writeAndFlush(req, channel.voidPromise());
        }

        void finished(int status) {
            Traffic.Send s = current;
            Listener l = listener;
            current = null;
            if (s != null) {
                l.done(s, intended, status, System.nanoTime());
            }
        }
    }

    /** One base URL and its connections. */
    final class Target {
        final String host;
        final int port;
        final String hostHeader;
        final ArrayBlockingQueue<Slot> idle;
        final int size;

        Target(URI uri, int size) {
            this.host = uri.getHost();
            this.port = uri.getPort() < 0 ? 80 : uri.getPort();
            this.hostHeader = host + ":" + port;
            this.size = size;
            this.idle = new ArrayBlockingQueue<>(size);
        }

        void connect(Slot slot) throws InterruptedException {
            var f = bootstrap.connect(host, port).sync();
            Channel ch = f.channel();
            ch.attr(SLOT).set(slot);
            slot.channel = ch;
            ch.closeFuture().addListener(x -> lost(slot));
            idle.add(slot);
        }

        private void lost(Slot slot) {
            if (closing) {
                return;
            }
            idle.remove(slot);
            slot.finished(-1);
            // replace the connection off the event loop (connect waits)
            reconnector.execute(() -> {
                try {
                    connect(slot);
                } catch (Exception e) {
                    System.err.println("# 重连 " + hostHeader + " 失败: " + e.getMessage());
                }
            });
        }
    }

    private static final io.netty.util.AttributeKey<Slot> SLOT = io.netty.util.AttributeKey.valueOf("slot");

    private final WeComCrypto app;
    private final WeComCrypto aibot;
    private final EventLoopGroup group;
    private final Bootstrap bootstrap;
    private final List<Target> targets = new ArrayList<>();
    private final java.util.concurrent.ExecutorService reconnector =
            java.util.concurrent.Executors.newSingleThreadExecutor(Threads.daemon("reconnect"));
    private volatile boolean closing;

    public Sender(List<URI> urls, int inflight, int threads, WeComCrypto app, WeComCrypto aibot)
            throws InterruptedException {
        this.app = app;
        this.aibot = aibot;
        this.group = new NioEventLoopGroup(threads, Threads.daemon("load-client"));
        this.bootstrap = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5000)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline()
                                .addLast(new HttpClientCodec())
                                .addLast(new HttpObjectAggregator(1 << 20))
                                .addLast(new SimpleChannelInboundHandler<FullHttpResponse>() {
                                    @Override
                                    protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse res) {
                                        Slot slot = ctx.channel().attr(SLOT).get();
                                        int status = res.status().code();
                                        if (!io.netty.handler.codec.http.HttpUtil.isKeepAlive(res)) {
                                            // the server closes: the close listener replaces the connection
                                            slot.finished(status);
                                            return;
                                        }
                                        slot.finished(status);
                                        slot.target.idle.add(slot);
                                    }

                                    @Override
                                    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                                        ctx.close();
                                    }
                                });
                    }
                });
        int per = Math.max(1, inflight / urls.size());
        for (URI u : urls) {
            Target t = new Target(u, per);
            targets.add(t);
            for (int i = 0; i < per; i++) {
                t.connect(new Slot(t));
            }
        }
    }

    public int targets() {
        return targets.size();
    }

    /** Waits for an idle connection to the target; null if none became idle within the timeout. */
    public Slot take(int target, long timeoutNanos) throws InterruptedException {
        return targets.get(target).idle.poll(timeoutNanos, TimeUnit.NANOSECONDS);
    }

    /** Requests still in flight. */
    public int inflight() {
        int n = 0;
        for (Target t : targets) {
            n += t.size - t.idle.size();
        }
        return n;
    }

    @Override
    public void close() {
        closing = true;
        for (Target t : targets) {
            for (Slot s : t.idle) {
                if (s.channel != null) {
                    s.channel.close();
                }
            }
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        reconnector.shutdownNow();
    }
}
