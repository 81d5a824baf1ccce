/**
 * 会话内容存档 (chat archive): the feed of group messages the bot cannot hear itself (customer groups, and internal
 * groups' messages that do not @ it). {@link org.sanshe.bot.wecom.archive.ArchiveSource} is the port (records after a
 * seq), {@link org.sanshe.bot.wecom.archive.WxCpArchiveSource} the real one over weixin-java-cp's
 * {@code WxCpMsgAuditService} and WeCom's native Finance SDK, {@link org.sanshe.bot.wecom.archive.ArchiveTranslator}
 * turns the documented record format into core events on the ARCHIVE channel. See docs/ARCHIVE.md.
 */
package org.sanshe.bot.wecom.archive;
