package org.clientela.platform.web;

import java.util.Arrays;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.clientela.platform.ApiProblems;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The description of the REST API at {@code /v3/api-docs} (and {@code /swagger-ui.html}), for
 * every module's {@code /api/**} controllers (see {@code springdoc.paths-to-match}). Every
 * operation takes either way in: HTTP Basic or a personal API token.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String BASIC = "basicAuth";
    static final String BEARER = "bearerToken";
    static final String PROBLEM = "Problem";

    @Bean
    OpenAPI clientelaOpenApi(ObjectProvider<BuildProperties> build) {
        String version = build.getIfAvailable() == null ? "v1" : build.getIfAvailable().getVersion();
        return new OpenAPI()
                .info(new Info()
                        .title("Clientela API")
                        .description("""
                                The REST API of Clientela, the workbench of a B2B client department. \
                                JSON under /api/v1; errors are application/problem+json with a `detail` in \
                                Russian or English (Accept-Language) and, for bad input, `errors[]` naming \
                                each `field`. Lists are paged (`page` from 0, `size` up to 100, `sort`). \
                                Changes need the version last seen (`If-Match: "<version>"` or a `version` \
                                field): a stale one answers 409, none 428. A record the caller may not see \
                                answers 404, exactly like one that does not exist.""")
                        .version(version))
                .components(new Components()
                        .addSchemas(PROBLEM, problemSchema())
                        .addSecuritySchemes(BASIC, new SecurityScheme()
                                .type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("Username and password"))
                        .addSecuritySchemes(BEARER, new SecurityScheme()
                                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("clt_…")
                                .description("A personal API token, made with POST /api/v1/me/tokens")))
                .addSecurityItem(new SecurityRequirement().addList(BASIC))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    /**
     * The refusals an operation can answer, read off its handler: every one may be
     * unauthenticated; one that takes input may get bad input; a body may be too large or not
     * JSON; a path id may name nothing visible; {@code @PreAuthorize} may forbid; a change may
     * conflict or lack its version.
     */
    @Bean
    GlobalOperationCustomizer problemResponses() {
        return (operation, handler) -> {
            ApiResponses responses = operation.getResponses();
            boolean body = operation.getRequestBody() != null;
            boolean input = body || (operation.getParameters() != null && !operation.getParameters().isEmpty());
            boolean pathId = Arrays.stream(handler.getMethodParameters())
                    .anyMatch(parameter -> parameter.hasParameterAnnotation(PathVariable.class));
            boolean patch = handler.hasMethodAnnotation(PatchMapping.class);
            boolean restricted = handler.hasMethodAnnotation(PreAuthorize.class);
            Map<String, Boolean> refusals = new java.util.LinkedHashMap<>();
            refusals.put("400", input);
            refusals.put("401", true);
            refusals.put("403", restricted);
            refusals.put("404", pathId);
            refusals.put("409", patch || (restricted && handler.hasMethodAnnotation(PostMapping.class)));
            refusals.put("413", body);
            refusals.put("415", body);
            refusals.put("428", patch);
            refusals.forEach((status, applies) -> {
                if (applies && !responses.containsKey(status)) {
                    responses.addApiResponse(status, problem(REFUSALS.get(status)));
                }
            });
            return operation;
        };
    }

    private static final Map<String, String> REFUSALS = Map.of(
            "400", "Bad input: `errors[]` names each wrong `field` (also an unknown `sort`)",
            "401", "No credentials, wrong ones, or an unknown or revoked token",
            "403", "Not allowed for the caller's roles",
            "404", "No such record, or one the caller may not see",
            "409", "Conflicts with the stored data: a duplicate, or a stale version",
            "413", "Body larger than the limit",
            "415", "Body not application/json",
            "428", "Neither If-Match nor a version field given");

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(
                ApiProblems.PROBLEM_JSON.toString(),
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        Schema<?> fieldError = new ObjectSchema()
                .addProperty("field", new StringSchema())
                .addProperty("message", new StringSchema());
        return new ObjectSchema()
                .description("RFC 9457 problem details; `detail` in the caller's language (Accept-Language)")
                .addProperty("type", new StringSchema())
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("code", new StringSchema().description("The message key, stable for programs"))
                .addProperty("errors", new ArraySchema().items(fieldError));
    }
}
