package org.clientela.platform;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.clientela.shared.InvalidInputException;
import org.clientela.shared.VersionRequiredException;

/**
 * Optimistic locking at the API edge: a record's version travels as its entity tag
 * ({@code ETag: "3"}) and comes back as {@code If-Match: "3"} or as a {@code version} field of
 * the request body. A change without either is refused (428): it would overwrite blindly.
 */
public final class Versions {

    public static final String IF_MATCH = "If-Match";
    static final String BAD_IF_MATCH = "error.ifMatch.invalid";
    static final String MISMATCH = "error.ifMatch.mismatch";

    private static final Pattern TAG = Pattern.compile("(?:W/)?\"(\\d{1,18})\"");

    private Versions() {
    }

    /** The entity tag of a version, e.g. {@code "3"} (quotes included, as HTTP wants). */
    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The version the caller last saw.
     *
     * @param ifMatch     the {@code If-Match} header, or {@code null}
     * @param bodyVersion the {@code version} field of the body, or {@code null}
     * @throws VersionRequiredException when neither is given (428)
     * @throws InvalidInputException    when the header is not one version tag, or the two disagree (400)
     */
    public static long expected(String ifMatch, Long bodyVersion) {
        Long fromHeader = null;
        if (ifMatch != null && !ifMatch.isBlank()) {
            Matcher matcher = TAG.matcher(ifMatch.trim());
            if (!matcher.matches()) {
                throw new InvalidInputException(IF_MATCH, BAD_IF_MATCH);
            }
            fromHeader = Long.valueOf(matcher.group(1));
        }
        if (fromHeader != null && bodyVersion != null && !fromHeader.equals(bodyVersion)) {
            throw new InvalidInputException("version", MISMATCH, fromHeader, bodyVersion);
        }
        if (fromHeader != null) {
            return fromHeader;
        }
        if (bodyVersion != null) {
            return bodyVersion;
        }
        throw new VersionRequiredException();
    }
}
