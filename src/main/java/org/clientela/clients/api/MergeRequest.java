package org.clientela.clients.api;

import java.util.UUID;

/**
 * A merge of the duplicate into the company of the path, at the versions of both that the
 * caller saw: a merge decided on an outdated view of either company is refused.
 */
record MergeRequest(UUID duplicateId, Long survivorVersion, Long duplicateVersion) {
}
