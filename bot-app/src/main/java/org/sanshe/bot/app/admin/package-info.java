/**
 * The admin HTTP API ({@code /api/admin/**}, a bearer token from BOT_ADMIN_TOKEN; without one it does not exist) and
 * what administrators upload through it: household rosters. Also the roster files loaded at start.
 */
package org.sanshe.bot.app.admin;
