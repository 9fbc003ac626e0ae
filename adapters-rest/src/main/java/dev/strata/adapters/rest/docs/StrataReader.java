package dev.strata.adapters.rest.docs;

import com.fasterxml.jackson.annotation.JsonView;
import com.fasterxml.jackson.databind.introspect.AnnotatedMethod;
import io.swagger.v3.jaxrs2.Reader;
import io.swagger.v3.oas.integration.api.OpenAPIConfiguration;
import io.swagger.v3.oas.models.ExternalDocumentation;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.servers.Server;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Produces;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Swagger's JAX-RS reader, plus {@link OperationConventions}: it sees each resource method while
 * the operation is built, which is where the method's own annotations ({@code @Authenticated}, its
 * parameters) are at hand.
 */
final class StrataReader extends Reader {

    StrataReader(OpenAPIConfiguration configuration) {
        super(configuration);
    }

    @Override
    public Operation parseMethod(Method method, List<Parameter> globalParameters, Produces methodProduces,
            Produces classProduces, Consumes methodConsumes, Consumes classConsumes,
            List<SecurityRequirement> classSecurityRequirements, Optional<ExternalDocumentation> classExternalDocs,
            Set<String> classTags, List<Server> classServers, boolean isSubresource, RequestBody parentRequestBody,
            ApiResponses parentResponses, JsonView jsonViewAnnotation,
            io.swagger.v3.oas.annotations.responses.ApiResponse[] classResponses, AnnotatedMethod annotatedMethod) {
        Operation operation = super.parseMethod(method, globalParameters, methodProduces, classProduces,
                methodConsumes, classConsumes, classSecurityRequirements, classExternalDocs, classTags, classServers,
                isSubresource, parentRequestBody, parentResponses, jsonViewAnnotation, classResponses,
                annotatedMethod);
        OperationConventions.apply(method, operation);
        return operation;
    }
}
