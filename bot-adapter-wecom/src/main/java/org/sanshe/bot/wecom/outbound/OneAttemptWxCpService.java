package org.sanshe.bot.wecom.outbound;

import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.common.util.http.RequestExecutor;
import me.chanjar.weixin.cp.api.impl.WxCpServiceImpl;

/**
 * weixin-java-cp's client making one request per call: no retry loop on errcode -1 (the library's default sleeps and
 * repeats inside the call, WECOM.md §7.3), so that every retry is the outbox's, with its backoff, its attempt count and
 * its record — one request at WeCom per outbox attempt. The error code of every answer stays readable: the library
 * turns errors into an unchecked exception without a code once its retries run out, and with no retries configured it
 * does that to every error. Refreshing an expired access token (40001, 40014, 42001) and sending again stays inside
 * the call, as in the library.
 */
public class OneAttemptWxCpService extends WxCpServiceImpl {
    @Override
    public <T, E> T execute(RequestExecutor<T, E> executor, String uri, E data) throws WxErrorException {
        return executeInternal(executor, uri, data, false);
    }
}
