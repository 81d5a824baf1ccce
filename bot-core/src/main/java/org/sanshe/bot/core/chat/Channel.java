package org.sanshe.bot.core.chat;

/**
 * The WeCom surface an event arrived on. It decides how a reply can travel, which the adapter chooses; the core only
 * says whether a reply belongs in the same conversation or in a private message.
 */
public enum Channel {
    /** 智能机器人: @-messages in internal groups and 1:1 chats; replies through the message's response_url. */
    AIBOT,
    /** 自建应用: 1:1 messages to the app and events; replies through message/send. */
    APP,
    /** 客户群: readable through the external-contact API only; the bot cannot speak in it by itself. */
    CUSTOMER,
    /** Not WeCom: a stored timer of the service came due (an escalation's acknowledgement timeout). */
    TIMER,
    /**
     * 会话内容存档: a group message read after the fact from WeCom's chat archive, in a group where the bot cannot
     * listen. Nobody addressed the bot and it cannot answer in that conversation: its words are read for crisis signs
     * and rule breaches only, and a command in it is never run.
     */
    ARCHIVE
}
