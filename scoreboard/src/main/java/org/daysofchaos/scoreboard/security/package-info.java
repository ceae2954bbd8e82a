/**
 * Accounts, roles and authentication: bcrypt-hashed passwords in the server's database, web
 * sessions as an HttpOnly SameSite=Strict cookie and API tokens as a Bearer header, both looked up
 * by their SHA-256 (docs/adr/0006-accounts-and-play.md).
 */
package org.daysofchaos.scoreboard.security;
