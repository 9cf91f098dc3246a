package org.clientela.platform.web;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * One line per request: method, path, status, time, user. Never a body, never a header, and
 * query values of secret-looking parameters are masked: passwords and tokens stay out of logs.
 */
class RequestLogFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger("org.clientela.requests");
    private static final String USER_ATTRIBUTE = RequestLogFilter.class.getName() + ".user";
    private static final Pattern SECRET_PARAMETER =
            Pattern.compile("(?i)((?:password|token|secret|key|auth)[^=&]*=)[^&]*");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.startsWith("/webjars/") || path.startsWith("/css/") || path.startsWith("/js/")
                || path.equals("/favicon.ico");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long started = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            if (log.isInfoEnabled()) {
                log.info("{} {} {} {}ms user={}", request.getMethod(), pathOf(request), response.getStatus(),
                        (System.nanoTime() - started) / 1_000_000, user(request));
            }
        }
    }

    static String pathOf(HttpServletRequest request) {
        String query = request.getQueryString();
        return query == null ? request.getRequestURI()
                : request.getRequestURI() + "?" + SECRET_PARAMETER.matcher(query).replaceAll("$1***");
    }

    private static String user(HttpServletRequest request) {
        Object user = request.getAttribute(USER_ATTRIBUTE);
        return user == null ? "-" : user.toString();
    }

    /**
     * This filter runs outside Spring Security, whose context is gone when the request returns:
     * the user is noted on the request while the context is still there.
     */
    static final class UserNotingInterceptor implements HandlerInterceptor {
        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication != null && authentication.isAuthenticated()) {
                request.setAttribute(USER_ATTRIBUTE, authentication.getName());
            }
            return true;
        }
    }
}
