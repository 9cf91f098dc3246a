package org.clientela.platform.web;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.clientela.platform.ApiProblems;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * What the servlet container shows for an error no controller handled (an unknown address, a
 * refused form, a failure in a filter): a page in the product's style for people, problem+json
 * under {@code /api/}; never a stack trace, never the Whitelabel page.
 */
@Controller
class ErrorPages implements ErrorController {

    static final String VIEW = "error/error";

    private final ApiProblems problems;

    ErrorPages(ApiProblems problems) {
        this.problems = problems;
    }

    /** Decided by the address that failed, not by the Accept header: people get pages, programs problems. */
    @RequestMapping("/error")
    Object error(HttpServletRequest request) {
        HttpStatus status = statusOf(request);
        Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (path != null && path.toString().startsWith("/api/")) {
            ProblemDetail problem = problems.problem(status, messageKeyOf(request, status));
            problem.setInstance(java.net.URI.create(path.toString()));
            return ResponseEntity.status(status).contentType(ApiProblems.PROBLEM_JSON).body(problem);
        }
        String titleKey = switch (status) {
            case NOT_FOUND, FORBIDDEN -> "error.page.title." + status.value();
            default -> "error.page.title";
        };
        return new ModelAndView(VIEW, Map.of("status", status.value(), "titleKey", titleKey,
                "messageKey", messageKeyOf(request, status)), status);
    }

    private static HttpStatus statusOf(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }

    /** Only our own message keys pass through; container messages could leak internals. */
    private static String messageKeyOf(HttpServletRequest request, HttpStatus status) {
        Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
        if (message instanceof String key && key.startsWith("error.")) {
            return key;
        }
        return switch (status) {
            case NOT_FOUND -> "error.notFound";
            case FORBIDDEN -> "error.forbidden";
            case UNAUTHORIZED -> "error.unauthorized";
            case CONTENT_TOO_LARGE -> "error.uploadTooLarge";
            case BAD_REQUEST -> "error.badRequest";
            default -> status.is5xxServerError() ? "error.internal" : "error.status." + status.value();
        };
    }
}
