package org.clientela.platform;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one shape of every API error: RFC 9457 {@code application/problem+json} with a
 * human-readable {@code detail} in the caller's language and, for bad input, a list of
 * {@code errors}, each naming a {@code field} and its {@code message}.
 */
@Component
public class ApiProblems {

    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

    private final MessageSource messages;
    private final JsonMapper json;
    private final ObjectProvider<LocaleResolver> localeResolver;

    ApiProblems(MessageSource messages, JsonMapper json, ObjectProvider<LocaleResolver> localeResolver) {
        this.messages = messages;
        this.json = json;
        this.localeResolver = localeResolver;
    }

    public ProblemDetail problem(HttpStatus status, String messageKey, Object... arguments) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message(messageKey, arguments));
        problem.setTitle(status.getReasonPhrase());
        problem.setProperty("code", messageKey);
        return problem;
    }

    public ProblemDetail problem(HttpStatus status, String messageKey, List<FieldError> errors) {
        ProblemDetail problem = problem(status, messageKey);
        problem.setProperty("errors", errors);
        return problem;
    }

    /** For filters that answer before any controller runs (authentication, body size). */
    public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(problem.getStatus());
        response.setContentType(PROBLEM_JSON.toString());
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), asMap(problem));
    }

    /** The JSON members of a problem, as Spring MVC writes them: properties at the top level. */
    private static Map<String, Object> asMap(ProblemDetail problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType() == null ? "about:blank" : problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        body.put("instance", problem.getInstance() == null ? null : problem.getInstance().toString());
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return body;
    }

    public String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, locale());
    }

    /**
     * The application's locale of the current request. Filters (authentication, body size) answer
     * before the DispatcherServlet sets it, where {@link LocaleContextHolder} only knows the
     * servlet's guess: the server's default locale when no Accept-Language is sent, not Russian.
     */
    private Locale locale() {
        LocaleResolver resolver = localeResolver.getIfAvailable();
        if (resolver != null && RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes current) {
            return resolver.resolveLocale(current.getRequest());
        }
        return LocaleContextHolder.getLocale();
    }

    /** One wrong field of a request: where and why. */
    public record FieldError(String field, String message) {
    }
}
