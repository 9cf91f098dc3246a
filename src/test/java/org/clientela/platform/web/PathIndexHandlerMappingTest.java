package org.clientela.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.clientela.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

/** Looking a request up in the tree of the patterns' segments picks the method the framework would. */
@IntegrationTest
class PathIndexHandlerMappingTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Test
    void aPatternIsHeldAsItsSegmentsWithAnyOneSegmentWhereAVariableOrAWildcardIs() {
        assertThat(PathIndexHandlerMapping.Index.shape("/api/v1/orders/{id}/confirm"))
                .containsExactly("api", "v1", "orders", null, "confirm");
        assertThat(PathIndexHandlerMapping.Index.shape("/api/v1/companies")).containsExactly("api", "v1", "companies");
        assertThat(PathIndexHandlerMapping.Index.shape("/files/*.pdf")).containsExactly("files", null);
        assertThat(PathIndexHandlerMapping.Index.shape("/v?/x")).containsExactly(null, "x");
        assertThat(PathIndexHandlerMapping.Index.shape("/")).containsExactly("");
        assertThat(PathIndexHandlerMapping.Index.shape("/resources/**")).isNull();
        assertThat(PathIndexHandlerMapping.Index.shape("/files/{*path}")).isNull();
        assertThat(PathIndexHandlerMapping.Index.shape("")).isNull();
    }

    /**
     * For a request to every pattern of every mapping of the application (its variables filled,
     * its method, parameters and media types as the mapping asks), and to a few paths no mapping
     * has, the method found is the one that trying every mapping in full finds.
     */
    @Test
    void everyMappingOfTheApplicationIsFoundAsTheFrameworkWouldFindIt() throws Exception {
        assertThat(mapping).isInstanceOf(PathIndexHandlerMapping.class);
        // else every lookup below would be the framework's own, and the comparison would prove nothing
        assertThat(((PathIndexHandlerMapping) mapping).indexed()).isTrue();
        Map<RequestMappingInfo, HandlerMethod> all = mapping.getHandlerMethods();
        List<MockHttpServletRequest> requests = new ArrayList<>();
        for (RequestMappingInfo info : all.keySet()) {
            for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
                List<RequestMethod> methods = new ArrayList<>(info.getMethodsCondition().getMethods());
                if (methods.isEmpty()) {
                    methods.add(RequestMethod.GET);
                }
                for (RequestMethod method : methods) {
                    requests.add(requestFor(info, method.name(), filled(pattern.getPatternString())));
                }
            }
        }
        requests.add(new MockHttpServletRequest("GET", "/api/v1/no-such-thing"));
        requests.add(new MockHttpServletRequest("DELETE", "/api/v1/companies"));
        requests.add(new MockHttpServletRequest("GET", "/api/v1/compan%69es"));
        requests.add(new MockHttpServletRequest("GET", "/api/v1/companies/"));
        requests.add(new MockHttpServletRequest("GET", "/api/v1//companies"));
        requests.add(new MockHttpServletRequest("GET", "/api/v1/companies;x=1/" + UUID.randomUUID()));
        requests.add(new MockHttpServletRequest("GET", "/"));
        assertThat(requests).hasSizeGreaterThan(300);

        int found = 0;
        for (MockHttpServletRequest request : requests) {
            Method expected = bestByTryingEvery(all, request);
            Method actual = foundBy(mapping, request);
            assertThat(actual).as(request.getMethod() + " " + request.getRequestURI()).isEqualTo(expected);
            found += actual == null ? 0 : 1;
        }
        assertThat(found).isGreaterThan(300);
    }

    private static MockHttpServletRequest requestFor(RequestMappingInfo info, String method, String path) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        info.getParamsCondition().getExpressions().forEach(expression -> {
            if (!expression.isNegated()) {
                request.addParameter(expression.getName(), expression.getValue() == null ? "1" : expression.getValue());
            }
        });
        info.getHeadersCondition().getExpressions().forEach(expression -> {
            if (!expression.isNegated()) {
                request.addHeader(expression.getName(), expression.getValue() == null ? "1" : expression.getValue());
            }
        });
        info.getConsumesCondition().getConsumableMediaTypes().stream().findFirst()
                .ifPresent(type -> request.setContentType(concrete(type)));
        info.getProducesCondition().getProducibleMediaTypes().stream().findFirst()
                .ifPresent(type -> request.addHeader("Accept", concrete(type)));
        return request;
    }

    private static String concrete(MediaType type) {
        return type.isWildcardSubtype() ? type.getType() + "/x" : type.toString();
    }

    /** The pattern with each variable and wildcard filled by a value no literal segment has. */
    private static String filled(String pattern) {
        return pattern.replaceAll("\\{\\*[^}]*}", "x1/x2").replaceAll("\\{[^}]*}", "x1").replace("**", "x1/x2")
                .replace("*", "x1").replace("?", "x");
    }

    private static Method bestByTryingEvery(Map<RequestMappingInfo, HandlerMethod> all,
            MockHttpServletRequest request) {
        ServletRequestPathUtils.parseAndCache(request);
        RequestMappingInfo best = null;
        RequestMappingInfo bestKey = null;
        for (RequestMappingInfo info : all.keySet()) {
            RequestMappingInfo match = info.getMatchingCondition(request);
            if (match != null && (best == null || match.compareTo(best, request) < 0)) {
                best = match;
                bestKey = info;
            }
        }
        return bestKey == null ? null : all.get(bestKey).getMethod();
    }

    private static Method foundBy(RequestMappingHandlerMapping mapping, MockHttpServletRequest request) {
        ServletRequestPathUtils.parseAndCache(request);
        try {
            HandlerExecutionChain chain = mapping.getHandler(request);
            return chain == null ? null : ((HandlerMethod) chain.getHandler()).getMethod();
        } catch (Exception noMatch) {
            // 405, 406 or 415: no method found, as trying every mapping finds none
            return null;
        }
    }
}
