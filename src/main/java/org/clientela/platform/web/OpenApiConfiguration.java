package org.clientela.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.boot.info.BuildProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The description of the REST API at {@code /v3/api-docs} (and {@code /swagger-ui.html}), for
 * every module's {@code /api/**} controllers (see {@code springdoc.paths-to-match}). Every
 * operation takes either way in: HTTP Basic or a personal API token.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String BASIC = "basicAuth";
    static final String BEARER = "bearerToken";

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
                        .addSecuritySchemes(BASIC, new SecurityScheme()
                                .type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("Username and password"))
                        .addSecuritySchemes(BEARER, new SecurityScheme()
                                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("clt_…")
                                .description("A personal API token, made with POST /api/v1/me/tokens")))
                .addSecurityItem(new SecurityRequirement().addList(BASIC))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }
}
