package dev.strata.adapters.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.core.common.AlreadyExistsException;
import dev.strata.core.common.AuthenticationException;
import dev.strata.core.common.ConflictException;
import dev.strata.core.common.ForbiddenException;
import dev.strata.core.common.IdempotencyKeyReusedException;
import dev.strata.core.common.NotFoundException;
import dev.strata.core.common.PreconditionFailedException;
import dev.strata.core.common.RateLimitedException;
import dev.strata.core.common.StrataException;
import dev.strata.core.common.UnavailableException;
import dev.strata.core.common.ValidationException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ErrorKindTest {

    /** One failure of every concrete class of core's exception hierarchy, with the kind it is. */
    private static final Map<StrataException, ErrorKind> EXPECTED = Map.of(
            ValidationException.of("email", "required", "is required"), ErrorKind.INVALID_ARGUMENT,
            new AuthenticationException("invalid_token", "sign in again"), ErrorKind.UNAUTHENTICATED,
            new ForbiddenException("not_the_author", "only the author may"), ErrorKind.PERMISSION_DENIED,
            new NotFoundException("order_not_found", "no such order"), ErrorKind.NOT_FOUND,
            new AlreadyExistsException("email_already_registered", "taken"), ErrorKind.ALREADY_EXISTS,
            new ConflictException("order_not_open", "only an open order"), ErrorKind.FAILED_PRECONDITION,
            PreconditionFailedException.versionMismatch("order", 3), ErrorKind.ABORTED,
            new IdempotencyKeyReusedException(), ErrorKind.IDEMPOTENCY_KEY_REUSED,
            new RateLimitedException("rate_limited", "slow down", Duration.ofSeconds(5)), ErrorKind.RESOURCE_EXHAUSTED,
            new UnavailableException("database down", new IOException("refused")), ErrorKind.UNAVAILABLE);

    @Test
    void everyFailureHasItsKind() {
        EXPECTED.forEach((failure, kind) ->
                assertThat(ErrorKind.of(failure)).as(failure.getClass().getSimpleName()).isEqualTo(kind));
    }

    @Test
    void everyConcreteExceptionOfCoreIsCovered() {
        Set<Class<?>> concrete = new HashSet<>();
        Deque<Class<?>> pending = new ArrayDeque<>(Set.of(StrataException.class));
        while (!pending.isEmpty()) {
            Class<?> type = pending.pop();
            if (!java.lang.reflect.Modifier.isAbstract(type.getModifiers())) {
                concrete.add(type);
            }
            if (type.isSealed()) {
                pending.addAll(Set.of(type.getPermittedSubclasses()));
            }
        }

        assertThat(EXPECTED.keySet().stream().map(Object::getClass).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(concrete);
    }

    @Test
    void everyKindIsSomeFailuresKind() {
        assertThat(Set.copyOf(EXPECTED.values())).containsExactlyInAnyOrder(ErrorKind.values());
    }

    @Test
    void aConflictOverExistenceIsToldFromAStateConflictByTypeNotByCode() {
        assertThat(ErrorKind.of(new ConflictException("order_already_paid", "the order is already paid")))
                .isEqualTo(ErrorKind.FAILED_PRECONDITION);
        assertThat(ErrorKind.of(new AlreadyExistsException("account_already_exists", "exists")))
                .isEqualTo(ErrorKind.ALREADY_EXISTS);
    }

    @Test
    void anOutcomeIsTheKindInLowerCase() {
        assertThat(ErrorKind.IDEMPOTENCY_KEY_REUSED.lowerCaseName()).isEqualTo("idempotency_key_reused");
    }
}
