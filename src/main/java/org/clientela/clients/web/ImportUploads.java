package org.clientela.clients.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import org.clientela.clients.internal.ImportProgress;
import org.clientela.clients.internal.ImportReport;
import org.clientela.identity.CurrentUser;
import org.clientela.shared.RecordNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The files being imported through the screens, between the steps: upload, mapping, preview,
 * writing. Each file waits in a temporary file of its own, visible only to who uploaded it, and
 * is deleted once written or after {@value #KEPT_MINUTES} minutes untouched. Writing runs in a
 * background thread as the user who started it, so the page can show its progress.
 */
@Component
class ImportUploads {

    static final long KEPT_MINUTES = 60;
    private static final Logger log = LoggerFactory.getLogger(ImportUploads.class);

    enum State { CHECKED, WRITING, DONE }

    /** One uploaded file and what has been done with it so far. */
    public static final class Upload {
        final String id = UUID.randomUUID().toString();
        final String username;
        final Path file;
        final String fileName;
        final List<String> headers;
        volatile Instant touched;
        volatile Map<Integer, String> mapping;
        volatile ImportReport report;
        volatile ImportProgress progress;
        volatile State state;
        volatile String failure;

        Upload(String username, Path file, String fileName, List<String> headers, Map<Integer, String> mapping,
                Instant now) {
            this.username = username;
            this.file = file;
            this.fileName = fileName;
            this.headers = headers;
            this.mapping = mapping;
            this.touched = now;
        }

        // for the templates
        public String id() {
            return id;
        }

        public String fileName() {
            return fileName;
        }

        public List<String> headers() {
            return headers;
        }

        public Map<Integer, String> mapping() {
            return mapping;
        }

        public ImportProgress progress() {
            return progress;
        }

        public String failure() {
            return failure;
        }

        boolean writing() {
            return state == State.WRITING;
        }
    }

    private final Map<String, Upload> uploads = new ConcurrentHashMap<>();
    /** Imports are heavy on the database: two at a time at most, the others wait their turn. */
    private final ExecutorService writers = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "company-import");
        thread.setDaemon(true);
        return thread;
    });
    private final Clock clock;

    ImportUploads(Clock clock) {
        this.clock = clock;
    }

    Upload add(Path file, String fileName, List<String> headers, Map<Integer, String> mapping) {
        forgetExpired();
        Upload upload = new Upload(CurrentUser.get().username(), file, fileName, headers, mapping, clock.instant());
        uploads.put(upload.id, upload);
        return upload;
    }

    /** The current user's upload; anyone else's, or one forgotten, does not exist. */
    Upload get(String id) {
        forgetExpired();
        Upload upload = uploads.get(id);
        if (upload == null || !upload.username.equals(CurrentUser.get().username())) {
            throw new RecordNotFoundException("Import", id);
        }
        upload.touched = clock.instant();
        return upload;
    }

    /** Runs {@code work} in the background as the current user; the file is deleted when it ends. */
    void write(Upload upload, Runnable work) {
        upload.state = State.WRITING;
        writers.execute(new DelegatingSecurityContextRunnable(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                log.error("Import of {} failed", upload.fileName, e);
                upload.failure = e.getClass().getSimpleName();
            } finally {
                upload.state = State.DONE;
                delete(upload.file);
            }
        }, SecurityContextHolder.getContext()));
    }

    private void forgetExpired() {
        Instant limit = clock.instant().minus(Duration.ofMinutes(KEPT_MINUTES));
        uploads.values().removeIf(upload -> {
            if (!upload.writing() && upload.touched.isBefore(limit)) {
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
        writers.shutdownNow();
        uploads.values().forEach(upload -> delete(upload.file));
        uploads.clear();
    }
}
