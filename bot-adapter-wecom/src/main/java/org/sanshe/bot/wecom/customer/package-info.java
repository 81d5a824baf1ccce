/** Customer groups (客户群): reading a group's details through the external-contact API for registration. */
package org.sanshe.bot.wecom.customer;
