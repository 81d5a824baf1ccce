/** WeCom payloads to core events: the only place that knows WeCom's field names. Hardened XML and JSON readers. */
package org.sanshe.bot.wecom.translate;
