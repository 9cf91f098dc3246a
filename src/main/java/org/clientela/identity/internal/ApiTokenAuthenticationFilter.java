package org.clientela.identity.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer clt_…} with a personal API token. A wrong or
 * revoked token is refused at once (401), not passed on as an anonymous request.
 */
class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

    static final String REVOKED = "identity.token.revoked";
    static final String INVALID = "identity.token.invalid";

    private final ApiTokens tokens;
    private final AuthenticationEntryPoint entryPoint;

    ApiTokenAuthenticationFilter(ApiTokens tokens, AuthenticationEntryPoint entryPoint) {
        this.tokens = tokens;
        this.entryPoint = entryPoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        try {
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(authenticate(header.substring(7).trim()));
            SecurityContextHolder.setContext(context);
        } catch (AuthenticationException e) {
            SecurityContextHolder.clearContext();
            entryPoint.commence(request, response, e);
            return;
        }
        chain.doFilter(request, response);
    }

    private UsernamePasswordAuthenticationToken authenticate(String secret) {
        ApiTokens.TokenCheck check = tokens.check(secret).orElseThrow(() -> new BadCredentialsException(INVALID));
        if (check.revoked()) {
            throw new BadCredentialsException(REVOKED);
        }
        if (!check.ownerEnabled()) {
            throw new DisabledException("identity.login.disabled");
        }
        ClientelaUserDetails principal = ClientelaUserDetails.authenticated(check.owner());
        UsernamePasswordAuthenticationToken authentication =
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
        authentication.setDetails(new ApiTokens.TokenAuthentication(check.id()));
        return authentication;
    }
}
