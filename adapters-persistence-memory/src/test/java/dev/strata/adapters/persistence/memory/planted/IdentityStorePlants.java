package dev.strata.adapters.persistence.memory.planted;

import static dev.strata.contracts.identity.IdentityStoreRules.CLEAR_FAILURES;
import static dev.strata.contracts.identity.IdentityStoreRules.COUNT_FAILURES;
import static dev.strata.contracts.identity.IdentityStoreRules.DELETE_ACCOUNT;
import static dev.strata.contracts.identity.IdentityStoreRules.DELETE_SESSION;
import static dev.strata.contracts.identity.IdentityStoreRules.DELETE_SESSIONS;
import static dev.strata.contracts.identity.IdentityStoreRules.EMAIL_UNIQUE;
import static dev.strata.contracts.identity.IdentityStoreRules.FIND_ACCOUNTS;
import static dev.strata.contracts.identity.IdentityStoreRules.FIND_ACCOUNT_MISS;
import static dev.strata.contracts.identity.IdentityStoreRules.FIND_BY_EMAIL_EXACT;
import static dev.strata.contracts.identity.IdentityStoreRules.INSERT_ACCOUNT;
import static dev.strata.contracts.identity.IdentityStoreRules.LIST_SESSIONS;
import static dev.strata.contracts.identity.IdentityStoreRules.MICROSECONDS;
import static dev.strata.contracts.identity.IdentityStoreRules.PURGE_FAILURES;
import static dev.strata.contracts.identity.IdentityStoreRules.PURGE_SESSIONS;
import static dev.strata.contracts.identity.IdentityStoreRules.SESSION_NEEDS_ACCOUNT;
import static dev.strata.contracts.identity.IdentityStoreRules.SESSION_READS_BACK;
import static dev.strata.contracts.identity.IdentityStoreRules.TEXT_EXACT;
import static dev.strata.contracts.identity.IdentityStoreRules.UPDATE_ACCOUNT;
import static dev.strata.contracts.identity.IdentityStoreRules.UPDATE_ACCOUNT_EMAIL_TAKEN;
import static dev.strata.contracts.identity.IdentityStoreRules.UPDATE_ACCOUNT_MISSING;
import static dev.strata.contracts.identity.IdentityStoreRules.UPDATE_ACCOUNT_STALE;
import static dev.strata.contracts.identity.IdentityStoreRules.UPDATE_ENDS_OTHER_SESSIONS;

import dev.strata.contracts.identity.ForwardingIdentityStore;
import dev.strata.core.common.ConflictException;
import dev.strata.core.common.NotFoundException;
import dev.strata.core.common.PreconditionFailedException;
import dev.strata.core.identity.AccountId;
import dev.strata.core.identity.SessionId;
import dev.strata.core.identity.store.AccountRecord;
import dev.strata.core.identity.store.AccountUpdateRecord;
import dev.strata.core.identity.store.IdentityStore;
import dev.strata.core.identity.store.NewAccountRecord;
import dev.strata.core.identity.store.SessionAccountRecord;
import dev.strata.core.identity.store.SessionRecord;
import dev.strata.core.identity.store.SignInFailures;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** One planted bug (at least) for every rule of {@link IdentityStore}. */
final class IdentityStorePlants {

    private IdentityStorePlants() {
    }

    static List<Plant<IdentityStore>> all() {
        return List.of(
                new Plant<>(INSERT_ACCOUNT, "reports a new account at version 1", real -> new ForwardingIdentityStore(real) {
                    @Override
                    public AccountRecord insertAccount(NewAccountRecord account) {
                        AccountRecord stored = real.insertAccount(account);
                        return new AccountRecord(stored.id(), stored.email(), stored.emailNormalized(),
                                stored.displayName(), stored.passwordHash(), stored.createdAt(), stored.updatedAt(), 1);
                    }
                }),
                new Plant<>(EMAIL_UNIQUE, "answers a registered email with the existing account instead of a conflict",
                        real -> new ForwardingIdentityStore(real) {
                            @Override
                            public AccountRecord insertAccount(NewAccountRecord account) {
                                try {
                                    return real.insertAccount(account);
                                } catch (ConflictException taken) {
                                    return real.findAccountByEmail(account.emailNormalized()).orElseThrow();
                                }
                            }
                        }),
                new Plant<>(FIND_ACCOUNT_MISS, "throws NotFoundException for an unknown account id", real -> new ForwardingIdentityStore(real) {
                    @Override
                    public Optional<AccountRecord> findAccount(AccountId id) {
                        return Optional.of(real.findAccount(id)
                                .orElseThrow(() -> new NotFoundException("account_not_found", "no account " + id)));
                    }
                }),
                new Plant<>(FIND_ACCOUNTS, "leaves out all but one of the accounts asked for", real -> new ForwardingIdentityStore(real) {
                    @Override
                    public List<AccountRecord> findAccounts(Set<AccountId> ids) {
                        return real.findAccounts(ids).stream().limit(1).toList();
                    }
                }),
                new Plant<>(FIND_BY_EMAIL_EXACT, "folds the case of the email it looks up", real -> new ForwardingIdentityStore(real) {
                    @Override
                    public Optional<AccountRecord> findAccountByEmail(String emailNormalized) {
                        return real.findAccountByEmail(emailNormalized.toLowerCase(Locale.ROOT));
                    }
                }),
                new Plant<>(UPDATE_ACCOUNT, "writes every change but the display name", real -> new ForwardingIdentityStore(real) {
                    @Override
                    public AccountRecord updateAccount(AccountUpdateRecord update) {
                        String oldName = real.findAccount(update.id()).map(AccountRecord::displayName)
                                .orElse(update.displayName());
                        return real.updateAccount(new AccountUpdateRecord(update.id(), update.expectedVersion(),
                                update.email(), update.emailNormalized(), oldName, update.passwordHash(),
                                update.updatedAt(), update.endSessionsExcept()));
                    }
                }),
                new Plant<>(UPDATE_ACCOUNT_STALE, "ignores the expected version (last write wins)", real -> new ForwardingIdentityStore(real) {
                    @Override
                    public AccountRecord updateAccount(AccountUpdateRecord update) {
                        long current = real.findAccount(update.id()).map(AccountRecord::version)
                                .orElse(update.expectedVersion());
                        return real.updateAccount(new AccountUpdateRecord(update.id(), current, update.email(),
                                update.emailNormalized(), update.displayName(), update.passwordHash(),
                                update.updatedAt(), update.endSessionsExcept()));
                    }
                }),
                new Plant<>(UPDATE_ACCOUNT_MISSING, "reports a missing account as a version mismatch", real -> new ForwardingIdentityStore(real) {
                    @Override
                    public AccountRecord updateAccount(AccountUpdateRecord update) {
                        try {
                            return real.updateAccount(update);
                        } catch (NotFoundException missing) {
                            throw PreconditionFailedException.versionMismatch("account", update.expectedVersion());
                        }
                    }
                }),
                new Plant<>(UPDATE_ACCOUNT_EMAIL_TAKEN, "silently keeps the account when its new email is taken",
                        real -> new ForwardingIdentityStore(real) {
                            @Override
                            public AccountRecord updateAccount(AccountUpdateRecord update) {
                                try {
                                    return real.updateAccount(update);
                                } catch (ConflictException taken) {
                                    return real.findAccount(update.id()).orElseThrow();
                                }
                            }
                        }),
                new Plant<>(UPDATE_ENDS_OTHER_SESSIONS, "never ends the other sessions", real -> new ForwardingIdentityStore(real) {
                    @Override
                    public AccountRecord updateAccount(AccountUpdateRecord update) {
                        return real.updateAccount(new AccountUpdateRecord(update.id(), update.expectedVersion(),
                                update.email(), update.emailNormalized(), update.displayName(), update.passwordHash(),
                                update.updatedAt(), Optional.empty()));
                    }
                }),
                new Plant<>(SESSION_READS_BACK, "hides expired sessions from findSession", real -> new ForwardingIdentityStore(real) {
                    @Override
                    public Optional<SessionAccountRecord> findSession(SessionId id) {
                        return real.findSession(id).filter(found -> found.session().expiresAt().isAfter(Instant.now()));
                    }
                }),
                new Plant<>(SESSION_NEEDS_ACCOUNT, "silently drops a session of an unknown account", real -> new ForwardingIdentityStore(real) {
                    @Override
                    public void insertSession(SessionRecord session) {
                        try {
                            real.insertSession(session);
                        } catch (NotFoundException missing) {
                            // swallowed: the bug
                        }
                    }
                }),
                new Plant<>(LIST_SESSIONS, "lists sessions oldest first", real -> new ForwardingIdentityStore(real) {
                    @Override
                    public List<SessionRecord> listSessions(AccountId accountId, Instant liveAt) {
                        return real.listSessions(accountId, liveAt).reversed();
                    }
                }),
                new Plant<>(LIST_SESSIONS, "counts a session that expires exactly at liveAt as live", real -> new ForwardingIdentityStore(real) {
                    @Override
                    public List<SessionRecord> listSessions(AccountId accountId, Instant liveAt) {
                        return real.listSessions(accountId, liveAt.minus(1, ChronoUnit.MICROS));
                    }
                }),
                new Plant<>(DELETE_SESSION, "says every deleted session existed", real -> new ForwardingIdentityStore(real) {
                    @Override
                    public boolean deleteSession(SessionId id) {
                        real.deleteSession(id);
                        return true;
                    }
                }),
                new Plant<>(DELETE_SESSIONS, "deletes only the account's newest session", real -> new ForwardingIdentityStore(real) {
                    @Override
                    public int deleteSessions(AccountId accountId) {
                        List<SessionRecord> live = new ArrayList<>(real.listSessions(accountId, Instant.MIN));
                        live.sort(Comparator.comparing(SessionRecord::createdAt));
                        return live.isEmpty() ? 0 : real.deleteSession(live.getLast().id()) ? 1 : 0;
                    }
                }),
                new Plant<>(PURGE_SESSIONS, "keeps sessions that expired exactly at the cutoff", real -> new ForwardingIdentityStore(real) {
                    @Override
                    public int deleteSessionsExpiredBefore(Instant cutoff) {
                        return real.deleteSessionsExpiredBefore(cutoff.minus(1, ChronoUnit.MICROS));
                    }
                }),
                new Plant<>(COUNT_FAILURES, "counts a failure made exactly at since", real -> new ForwardingIdentityStore(real) {
                    @Override
                    public SignInFailures signInFailuresSince(String emailNormalized, Instant since) {
                        return real.signInFailuresSince(emailNormalized, since.minus(1, ChronoUnit.MICROS));
                    }
                }),
                new Plant<>(PURGE_FAILURES, "also deletes failures recorded exactly at the cutoff", real -> new ForwardingIdentityStore(real) {
                    @Override
                    public int deleteSignInFailuresBefore(Instant cutoff) {
                        return real.deleteSignInFailuresBefore(cutoff.plus(1, ChronoUnit.MICROS));
                    }
                }),
                new Plant<>(DELETE_ACCOUNT, "says an account it already deleted existed", real -> new ForwardingIdentityStore(real) {
                    @Override
                    public boolean deleteAccount(AccountId id) {
                        real.deleteAccount(id);
                        return true;
                    }
                }),
                new Plant<>(CLEAR_FAILURES, "forgets no failure", real -> new ForwardingIdentityStore(real) {
                    @Override
                    public void clearSignInFailures(String emailNormalized) {
                        // does nothing: the bug
                    }
                }),
                new Plant<>(MICROSECONDS, "keeps creation times to the millisecond", real -> new ForwardingIdentityStore(real) {
                    @Override
                    public AccountRecord insertAccount(NewAccountRecord account) {
                        return real.insertAccount(new NewAccountRecord(account.id(), account.email(),
                                account.emailNormalized(), account.displayName(), account.passwordHash(),
                                account.createdAt().truncatedTo(ChronoUnit.MILLIS)));
                    }
                }),
                new Plant<>(TEXT_EXACT, "drops invisible format characters (such as a zero-width joiner) from names",
                        real -> new ForwardingIdentityStore(real) {
                            @Override
                            public AccountRecord insertAccount(NewAccountRecord account) {
                                return real.insertAccount(new NewAccountRecord(account.id(), account.email(),
                                        account.emailNormalized(), account.displayName().replaceAll("\\p{Cf}", ""),
                                        account.passwordHash(), account.createdAt()));
                            }
                        }));
    }
}
