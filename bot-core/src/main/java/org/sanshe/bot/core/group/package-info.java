/**
 * The group registry from people's side: binding an internal group, registering a customer group, the group's
 * information and rules, and the group a staff member acts on from a private chat.
 */
package org.sanshe.bot.core.group;
