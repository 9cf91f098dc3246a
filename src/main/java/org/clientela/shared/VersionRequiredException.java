package org.clientela.shared;

/**
 * A change came without the version the caller last saw (no {@code If-Match}, no version
 * field), so it could overwrite someone else's change unseen. Answers 428.
 */
public class VersionRequiredException extends RuntimeException {

    public VersionRequiredException() {
        super("error.conflict.versionRequired");
    }

    public String messageKey() {
        return "error.conflict.versionRequired";
    }
}
