package org.clientela.identity.internal;

import org.clientela.identity.Role;
import org.clientela.platform.ApiProblems;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfException;

/**
 * Three doors: the REST API (HTTP Basic or a personal token, no session, no CSRF since no cookie
 * authenticates it), the actuator (health for all, metrics for administrators) and the web UI
 * (form login, session, CSRF on every form).
 *
 * <p>Refusals follow one rule: a record or page one may not see answers 404; an action one may
 * not take on an API one can see answers 403; a form without its CSRF token answers 403.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    static final String REALM = "Clientela";

    /**
     * No observation around each of Spring Security's filters, authentications and authorizations:
     * on every request they cost more than they tell (with 8 concurrent API clients creating
     * companies, ~215 → ~260 per second when they were switched off). Turning them off by a property
     * still left every filter wrapped; without this bean the chain is not decorated at all.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    WebSecurityCustomizer headerFirewall() {
        return web -> web.httpFirewall(HeaderFirewall.strict());
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt today, and old hashes keep working if the default moves on
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, ApiTokens tokens,
            ApiProblems problems) throws Exception {
        AuthenticationEntryPoint unauthorized = (request, response, exception) -> {
            response.addHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
            response.addHeader("WWW-Authenticate", "Bearer realm=\"" + REALM + "\"");
            problems.write(request, response, problems.problem(HttpStatus.UNAUTHORIZED, reasonOf(exception)));
        };
        AccessDeniedHandler forbidden = (request, response, exception) -> problems.write(request, response,
                problems.problem(HttpStatus.FORBIDDEN, "error.forbidden"));
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint(unauthorized))
                .addFilterBefore(new ApiTokenAuthenticationFilter(tokens, unauthorized),
                        BasicAuthenticationFilter.class)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain actuatorSecurity(HttpSecurity http) throws Exception {
        http.securityMatcher(EndpointRequest.toAnyEndpoint())
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(EndpointRequest.to("health")).permitAll()
                        .anyRequest().hasRole(Role.ADMIN.name()))
                .httpBasic(basic -> basic.realmName(REALM))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain webSecurity(HttpSecurity http) throws Exception {
        LoginUrlAuthenticationEntryPoint loginPage = new LoginUrlAuthenticationEntryPoint("/login");
        AuthenticationEntryPoint toLogin = (request, response, exception) -> {
            if (request.getHeader("HX-Request") != null) {
                // an htmx fragment must not render the login page inside itself: reload the page
                response.setHeader("HX-Redirect", "/login");
                response.setStatus(HttpStatus.UNAUTHORIZED.value());
            } else {
                loginPage.commence(request, response, exception);
            }
        };
        AccessDeniedHandler denied = (request, response, exception) -> {
            if (exception instanceof CsrfException) {
                request.setAttribute("jakarta.servlet.error.message", "error.csrf");
                response.sendError(HttpStatus.FORBIDDEN.value(), "error.csrf");
            } else {
                response.sendError(HttpStatus.NOT_FOUND.value());
            }
        };
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/webjars/**", "/css/**", "/js/**", "/images/**", "/favicon.ico",
                                "/error", "/login").permitAll()
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        // a calendar program cannot log in: the secret in the address of a personal
                        // iCalendar feed is its key (activities' CalendarFeeds); nothing else is opened
                        .requestMatchers(HttpMethod.GET, "/calendar-feeds/*.ics").permitAll()
                        .requestMatchers("/admin/**").hasRole(Role.ADMIN.name())
                        .anyRequest().authenticated())
                .formLogin(form -> form
                        .loginPage("/login")
                        .failureHandler(loginFailure())
                        .defaultSuccessUrl("/", false))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(toLogin)
                        .accessDeniedHandler(denied));
        return http.build();
    }

    /** The login page says why, without telling whether an unknown username exists. */
    private static AuthenticationFailureHandler loginFailure() {
        return (request, response, exception) -> {
            String reason = exception instanceof LockedException ? "locked"
                    : exception instanceof DisabledException ? "disabled"
                    : "bad";
            response.sendRedirect(request.getContextPath() + "/login?error=" + reason);
        };
    }

    private static String reasonOf(Exception exception) {
        if (exception instanceof LockedException) {
            return "identity.login.locked";
        }
        if (exception instanceof DisabledException) {
            return "identity.login.disabled";
        }
        String message = exception.getMessage();
        if (ApiTokenAuthenticationFilter.REVOKED.equals(message) || ApiTokenAuthenticationFilter.INVALID.equals(message)) {
            return message;
        }
        return exception instanceof org.springframework.security.authentication.InsufficientAuthenticationException
                ? "error.unauthorized"
                : "identity.login.bad";
    }
}
