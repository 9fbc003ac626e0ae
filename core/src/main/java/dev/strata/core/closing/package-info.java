/**
 * Closing an account across services: {@link dev.strata.core.closing.AccountClosingService} checks
 * the current password, ends the account's sessions, deletes its posts, owned channels and
 * memberships, cancels its open orders (paid, shipped and cancelled orders are kept for the record)
 * and deletes the account, which frees its email. Each step is harmless to repeat, so a closing cut
 * short is finished by closing again.
 */
package dev.strata.core.closing;
