package org.clientela.platform.web;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Finds a request's controller method without trying every mapping. Spring MVC finds a path with
 * variables ({@code /api/v1/orders/{id}/confirm}) by trying each of the application's some 350
 * mappings in turn; each try asks the request for its method, headers and parsed path through the
 * chain of wrappers the filters put around it, then matches the patterns: a third of the time of
 * a small API request. Here the patterns are kept in a tree of their segments, a literal segment
 * by its text, and a request's path walks the tree to the few mappings whose patterns have its
 * number of segments and its literal segments in their places. Only those are tried, in the
 * framework's order (the mappings of exactly this path first, then the others) and chosen among
 * by the framework's comparison, so the method that answers, and the 404, 405 and 415 answers,
 * stay the same. A pattern the tree cannot hold (one with {@code **} or {@code {*path}}) is tried
 * for every request; a percent-encoded path, a CORS pre-flight request and a mapping registered
 * after start-up send the lookup back to the framework's.
 */
final class PathIndexHandlerMapping extends RequestMappingHandlerMapping {

    /** {@code null} until started, and again once a mapping is registered or removed later. */
    private volatile Index index;

    @Override
    public void afterPropertiesSet() {
        super.afterPropertiesSet();
        if (getPatternParser() != null && getPatternParser().isCaseSensitive()) {
            index = new Index(getHandlerMethods());
        }
    }

    /** Whether requests are looked up in the tree, not by the framework's lookup. */
    boolean indexed() {
        return index != null;
    }

    @Override
    public void registerMapping(RequestMappingInfo mapping, Object handler, Method method) {
        index = null;
        super.registerMapping(mapping, handler, method);
    }

    @Override
    public void unregisterMapping(RequestMappingInfo mapping) {
        index = null;
        super.unregisterMapping(mapping);
    }

    @Override
    protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
        Index index = this.index;
        // an encoded segment is matched after decoding, and an empty one (a trailing or a double
        // slash) by rules of its own: such paths are left to the framework
        boolean plain = lookupPath.startsWith("/") && lookupPath.indexOf('%') < 0 && !lookupPath.contains("//")
                && (lookupPath.length() == 1 || !lookupPath.endsWith("/"));
        if (index == null || !plain || CorsUtils.isPreFlightRequest(request)) {
            return super.lookupHandlerMethod(lookupPath, request);
        }
        Lookup lookup = new Lookup(request);
        List<Match> matches = matches(index.direct(lookupPath), lookup);
        if (matches.isEmpty()) {
            matches = matches(index.candidates(lookupPath), lookup);
        }
        if (matches.isEmpty()) {
            return handleNoMatch(index.handlers.keySet(), lookupPath, request);
        }
        Match best = matches.get(0);
        if (matches.size() > 1) {
            Comparator<RequestMappingInfo> comparator = getMappingComparator(lookup);
            matches.sort((one, other) -> comparator.compare(one.match, other.match));
            best = matches.get(0);
            if (comparator.compare(best.match, matches.get(1).match) == 0) {
                throw new IllegalStateException("Ambiguous handler methods mapped for '" + request.getRequestURI()
                        + "': {" + index.handlers.get(best.mapping).getMethod() + ", "
                        + index.handlers.get(matches.get(1).mapping).getMethod() + "}");
            }
        }
        HandlerMethod handler = index.handlers.get(best.mapping);
        request.setAttribute(BEST_MATCHING_HANDLER_ATTRIBUTE, handler);
        handleMatch(best.match, lookupPath, request);
        return handler;
    }

    private List<Match> matches(Collection<RequestMappingInfo> mappings, Lookup request) {
        List<Match> matches = new ArrayList<>(2);
        for (RequestMappingInfo mapping : mappings) {
            RequestMappingInfo match = getMatchingMapping(mapping, request);
            if (match != null) {
                matches.add(new Match(mapping, match));
            }
        }
        return matches;
    }

    /** A mapping as registered, and as it matches the request (its conditions narrowed to it). */
    private record Match(RequestMappingInfo mapping, RequestMappingInfo match) {
    }

    /** The patterns of the mappings, as a tree of segments; built once, read by every request after. */
    static final class Index {

        private final Node root = new Node();

        /** Every mapping with its method, as registered when the application started. */
        final Map<RequestMappingInfo, HandlerMethod> handlers;

        /** The mappings by the paths they name without a pattern, as the framework keeps them. */
        private final Map<String, List<RequestMappingInfo>> direct = new HashMap<>();

        /** The mappings the tree cannot hold, tried for every path. */
        private final List<RequestMappingInfo> everywhere = new ArrayList<>();

        Index(Map<RequestMappingInfo, HandlerMethod> handlers) {
            this.handlers = handlers;
            for (RequestMappingInfo info : handlers.keySet()) {
                info.getDirectPaths().forEach(path -> direct.computeIfAbsent(path, key -> new ArrayList<>()).add(info));
                PathPatternsRequestCondition condition = info.getPathPatternsCondition();
                if (condition == null) {
                    everywhere.add(info);
                    continue;
                }
                List<String[]> shapes = new ArrayList<>();
                for (PathPattern pattern : condition.getPatterns()) {
                    String[] shape = shape(pattern.getPatternString());
                    if (shape == null) {
                        shapes = null;
                        break;
                    }
                    shapes.add(shape);
                }
                if (shapes == null) {
                    everywhere.add(info);
                } else {
                    shapes.forEach(shape -> root.add(shape, 0, info));
                }
            }
        }

        /**
         * A pattern's segments, each a literal or {@code null} for one that matches any one segment;
         * or {@code null} for a pattern the tree cannot hold: one that matches several segments,
         * or the empty one.
         */
        static String[] shape(String pattern) {
            if (!pattern.startsWith("/")) {
                return null;
            }
            String[] segments = segments(pattern);
            for (int i = 0; i < segments.length; i++) {
                String segment = segments[i];
                if (segment.equals("**") || segment.startsWith("{*")) {
                    return null;
                }
                if (segment.indexOf('{') >= 0 || segment.indexOf('*') >= 0 || segment.indexOf('?') >= 0) {
                    segments[i] = null;
                }
            }
            return segments;
        }

        private static String[] segments(String path) {
            return path.substring(1).split("/", -1);
        }

        List<RequestMappingInfo> direct(String path) {
            return direct.getOrDefault(path, List.of());
        }

        /** The mappings whose patterns may match the path; to be tried in full. */
        Set<RequestMappingInfo> candidates(String path) {
            Set<RequestMappingInfo> found = Collections.newSetFromMap(new IdentityHashMap<>());
            root.collect(segments(path), 0, found);
            found.addAll(everywhere);
            return found;
        }
    }

    private static final class Node {

        private final Map<String, Node> literals = new HashMap<>();

        private Node anySegment;

        private final List<RequestMappingInfo> ending = new ArrayList<>();

        void add(String[] shape, int at, RequestMappingInfo info) {
            if (at == shape.length) {
                ending.add(info);
                return;
            }
            Node next;
            if (shape[at] == null) {
                next = anySegment == null ? (anySegment = new Node()) : anySegment;
            } else {
                next = literals.computeIfAbsent(shape[at], text -> new Node());
            }
            next.add(shape, at + 1, info);
        }

        void collect(String[] path, int at, Set<RequestMappingInfo> found) {
            if (at == path.length) {
                found.addAll(ending);
                return;
            }
            Node literal = literals.get(path[at]);
            if (literal != null) {
                literal.collect(path, at + 1, found);
            }
            if (anySegment != null) {
                anySegment.collect(path, at + 1, found);
            }
        }
    }

    /** The request as the lookup sees it: its method read once, not through every wrapper for every try. */
    private static final class Lookup extends HttpServletRequestWrapper {

        private final String method;

        Lookup(HttpServletRequest request) {
            super(request);
            this.method = request.getMethod();
        }

        @Override
        public String getMethod() {
            return method;
        }
    }
}
