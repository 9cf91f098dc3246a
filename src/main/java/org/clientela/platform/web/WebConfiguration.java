package org.clientela.platform.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.servlet.filter.OrderedFilter;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import org.clientela.platform.ApiProblems;
import org.springframework.beans.factory.annotation.Value;

/**
 * Russian first: the UI speaks Russian until the user picks English ({@code ?lang=en}, kept in a
 * cookie); an API caller may ask for English with {@code Accept-Language}.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    static final Locale RUSSIAN = Locale.forLanguageTag("ru-RU");
    static final List<Locale> SUPPORTED = List.of(RUSSIAN, Locale.ENGLISH);

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("clientela-lang");
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setDefaultLocaleFunction(WebConfiguration::defaultLocale);
        return resolver;
    }

    private static Locale defaultLocale(HttpServletRequest request) {
        if (request.getRequestURI().startsWith("/api/") && request.getHeader("Accept-Language") != null) {
            Locale requested = Locale.lookup(Locale.LanguageRange.parse(request.getHeader("Accept-Language")),
                    SUPPORTED);
            if (requested != null) {
                return requested;
            }
        }
        return RUSSIAN;
    }

    @Bean
    WebMvcRegistrations pathIndexHandlerMapping() {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new PathIndexHandlerMapping();
            }
        };
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor);
        registry.addInterceptor(new RequestLogFilter.UserNotingInterceptor());
        registry.addInterceptor(new LayoutModel());
    }

    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(ApiProblems problems,
            @Value("${clientela.api.max-body-size:1MB}") DataSize limit) {
        FilterRegistrationBean<RequestBodyLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestBodyLimitFilter(problems, limit.toBytes()));
        registration.addUrlPatterns("/api/*");
        // before Spring Security, so that no huge body is even authenticated; after Boot's
        // RequestContextFilter, so that the 413 speaks the caller's language (see ApiProblems)
        registration.setOrder(OrderedFilter.REQUEST_WRAPPER_FILTER_MAX_ORDER - 104);
        return registration;
    }

    @Bean
    FilterRegistrationBean<FormSizeLimitFilter> formSizeLimitFilter(
            @Value("${server.tomcat.max-http-form-post-size:2MB}") DataSize limit) {
        FilterRegistrationBean<FormSizeLimitFilter> registration =
                new FilterRegistrationBean<>(new FormSizeLimitFilter(limit.toBytes()));
        // before Spring Security and the session, which would read the form; after Boot's
        // RequestContextFilter, so that the page speaks the person's language
        registration.setOrder(OrderedFilter.REQUEST_WRAPPER_FILTER_MAX_ORDER - 104);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestLogFilter> requestLogFilter() {
        FilterRegistrationBean<RequestLogFilter> registration = new FilterRegistrationBean<>(new RequestLogFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<WholeResponseFilter> wholeResponseFilter() {
        FilterRegistrationBean<WholeResponseFilter> registration =
                new FilterRegistrationBean<>(new WholeResponseFilter());
        // outside Spring Security, whose headers are written when a response commits
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }
}
