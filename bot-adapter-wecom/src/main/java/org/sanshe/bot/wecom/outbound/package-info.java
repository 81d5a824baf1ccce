/** The only place that sends to WeCom: delivery planning per channel and the sender over weixin-java-cp. */
package org.sanshe.bot.wecom.outbound;
