package org.clientela.platform.web;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Answers a form larger than the container will parse (a 10 MB text pasted into a field) with our
 * own 413 page, before anything reads its fields. Left to the container, the first filter asking
 * for a field (the CSRF check) fails, and so does the error page after it, for it asks again:
 * the person would see the container's bare page instead of ours.
 */
class FormSizeLimitFilter extends OncePerRequestFilter {

    private final long limit;

    FormSizeLimitFilter(long limit) {
        this.limit = limit;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String contentType = request.getContentType();
        return contentType == null
                || !contentType.toLowerCase().startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() <= limit) {
            chain.doFilter(request, response);
            return;
        }
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, HttpStatus.CONTENT_TOO_LARGE.value());
        request.setAttribute(RequestDispatcher.ERROR_MESSAGE, "error.formTooLarge");
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, request.getRequestURI());
        // the error page, read as a page whose form is never parsed. It goes out with its length:
        // the container closes the connection on the unread form, and a chunked page would be
        // cut short. (A forward would not do: the container finishes the response after it.)
        ContentCachingResponseWrapper page = new ContentCachingResponseWrapper(response);
        page.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
        page.setHeader(HttpHeaders.CONNECTION, "close");
        chain.doFilter(new ErrorPageRead(request), page);
        page.copyBodyToResponse();
    }

    /** The request as a read of the error page, without the fields of the form. */
    private static final class ErrorPageRead extends HttpServletRequestWrapper {

        ErrorPageRead(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getMethod() {
            return "GET";
        }

        @Override
        public String getRequestURI() {
            return getContextPath() + "/error";
        }

        @Override
        public StringBuffer getRequestURL() {
            return new StringBuffer(getScheme() + "://" + getServerName() + ":" + getServerPort() + getRequestURI());
        }

        @Override
        public String getServletPath() {
            return "/error";
        }

        @Override
        public String getPathInfo() {
            return null;
        }

        @Override
        public String getQueryString() {
            return null;
        }

        @Override
        public String getParameter(String name) {
            return null;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Map.of();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.emptyEnumeration();
        }

        @Override
        public String[] getParameterValues(String name) {
            return null;
        }
    }
}
