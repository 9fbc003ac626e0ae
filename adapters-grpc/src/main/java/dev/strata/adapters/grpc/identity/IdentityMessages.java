package dev.strata.adapters.grpc.identity;

import dev.strata.adapters.grpc.call.Etags;
import dev.strata.adapters.grpc.call.ProtoTimes;
import dev.strata.adapters.grpc.call.ResourceNames;
import dev.strata.adapters.grpc.v1.Account;
import dev.strata.adapters.grpc.v1.Session;

/** Core's accounts and sessions as {@code strata.v1} messages, field by field. */
final class IdentityMessages {

    private IdentityMessages() {
    }

    static Account toProto(dev.strata.core.identity.Account account) {
        return Account.newBuilder()
                .setName(ResourceNames.of(account.id()))
                .setEmail(account.email())
                .setDisplayName(account.displayName())
                .setCreateTime(ProtoTimes.of(account.createdAt()))
                .setUpdateTime(ProtoTimes.of(account.updatedAt()))
                .setEtag(Etags.of(account.version()))
                .build();
    }

    static Session toProto(dev.strata.core.identity.Session session) {
        return Session.newBuilder()
                .setName(ResourceNames.of(session.accountId(), session.id()))
                .setCreateTime(ProtoTimes.of(session.createdAt()))
                .setExpireTime(ProtoTimes.of(session.expiresAt()))
                .build();
    }
}
