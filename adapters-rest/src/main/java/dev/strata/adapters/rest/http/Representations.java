package dev.strata.adapters.rest.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** The common shapes of successful responses: created, read (with conditional 304), lists. */
public final class Representations {

    private Representations() {
    }

    /** 201 with {@code Location}, {@code ETag} and the new resource's representation. */
    public static Response created(URI location, EntityTag tag, Object body) {
        return Response.created(location).header(HttpHeaders.ETAG, EntityTags.header(tag)).entity(body).build();
    }

    /** 200 with the representation and its tag, or 304 when {@code If-None-Match} names the tag. */
    public static Response read(Request request, EntityTag tag, Object body) {
        return Preconditions.okOrNotModified(request, tag, body);
    }

    /** 200 with a list whose tag is derived from its serialized form, or 304. */
    public static Response readList(Request request, ListResponse<?> list) {
        return Preconditions.okOrNotModified(request, EntityTags.ofBytes(serialize(list)), list);
    }

    private static byte[] serialize(Object body) {
        try {
            return JsonMapper.mapper().writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a response body could not be serialized", e);
        }
    }
}
