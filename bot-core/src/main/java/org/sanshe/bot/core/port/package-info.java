/** Ports: what the core needs from the outside, named by capability. Adapters implement them. */
package org.sanshe.bot.core.port;
