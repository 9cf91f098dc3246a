package org.clientela.receivables.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;
import org.clientela.identity.CurrentUser;
import org.clientela.receivables.internal.AccountingImport;
import org.clientela.receivables.internal.AccountingImportReport;
import org.clientela.shared.RecordNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The files of the accounting system waiting between their check and their import: each in a
 * temporary file of its own, visible only to who uploaded it, deleted once imported or after
 * {@value #KEPT_MINUTES} minutes untouched.
 */
@Component
class PendingImports {

    static final long KEPT_MINUTES = 60;
    private static final Logger log = LoggerFactory.getLogger(PendingImports.class);

    /** One uploaded file and its latest report. */
    static final class Pending {
        final String id = UUID.randomUUID().toString();
        final String username;
        final Path file;
        final String fileName;
        final AccountingImport.Kind kind;
        volatile AccountingImportReport report;
        volatile Instant touched;

        Pending(String username, Path file, String fileName, AccountingImport.Kind kind, Instant now) {
            this.username = username;
            this.file = file;
            this.fileName = fileName;
            this.kind = kind;
            this.touched = now;
        }
    }

    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Clock clock;

    PendingImports(Clock clock) {
        this.clock = clock;
    }

    Pending add(Path file, String fileName, AccountingImport.Kind kind) {
        forgetExpired();
        Pending upload = new Pending(CurrentUser.get().username(), file, fileName, kind, clock.instant());
        pending.put(upload.id, upload);
        return upload;
    }

    /** The current user's upload; anyone else's, or one forgotten, does not exist. */
    Pending get(String id) {
        forgetExpired();
        Pending upload = pending.get(id);
        if (upload == null || !upload.username.equals(CurrentUser.get().username())) {
            throw new RecordNotFoundException("Import", id);
        }
        upload.touched = clock.instant();
        return upload;
    }

    /** The file is not needed any more (imported); its report stays to be shown. */
    void done(Pending upload) {
        delete(upload.file);
    }

    private void forgetExpired() {
        Instant limit = clock.instant().minus(Duration.ofMinutes(KEPT_MINUTES));
        pending.values().removeIf(upload -> {
            if (upload.touched.isBefore(limit)) {
                delete(upload.file);
                return true;
            }
            return false;
        });
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete the uploaded file {}", file, e);
        }
    }

    @PreDestroy
    void deleteAll() {
        pending.values().forEach(upload -> delete(upload.file));
        pending.clear();
    }
}
