package org.clientela.platform.web;

import java.util.List;

import org.clientela.platform.ApiProblems;
import org.clientela.platform.ApiProblems.FieldError;
import org.clientela.platform.IdempotencyKeyReusedException;
import org.clientela.shared.ConflictException;
import org.clientela.shared.InvalidInputException;
import org.clientela.shared.RecordNotFoundException;
import org.clientela.shared.VersionRequiredException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every failure of a REST controller into {@code application/problem+json}: 400 with the
 * wrong fields, 404, 409, 413, 415, 428, and 500 without a stack trace (that goes to the log).
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final ApiProblems problems;

    ApiExceptionHandler(ApiProblems problems, MessageSource messageSource) {
        this.problems = problems;
        setMessageSource(messageSource);
    }

    @ExceptionHandler(RecordNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(RecordNotFoundException exception) {
        return respond(problems.problem(HttpStatus.NOT_FOUND, "error.notFound"));
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException exception) {
        return respond(problems.problem(HttpStatus.CONFLICT, exception.messageKey(), exception.arguments()));
    }

    @ExceptionHandler(IdempotencyKeyReusedException.class)
    ResponseEntity<ProblemDetail> idempotencyKeyReused(IdempotencyKeyReusedException exception) {
        return respond(problems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "error.idempotency.keyReused"));
    }

    @ExceptionHandler(VersionRequiredException.class)
    ResponseEntity<ProblemDetail> versionRequired(VersionRequiredException exception) {
        return respond(problems.problem(HttpStatus.PRECONDITION_REQUIRED, exception.messageKey()));
    }

    /** A unique index caught what the service's check missed: two equal records created at once. */
    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<ProblemDetail> duplicate(DuplicateKeyException exception) {
        return respond(problems.problem(HttpStatus.CONFLICT, "error.conflict.duplicate"));
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> concurrentChange(OptimisticLockingFailureException exception) {
        return respond(problems.problem(HttpStatus.CONFLICT, "error.conflict.concurrentChange"));
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalidInput(InvalidInputException exception) {
        return respond(problems.problem(HttpStatus.BAD_REQUEST, "error.badRequest", exception.problems().stream()
                .map(problem -> new FieldError(problem.field(),
                        problems.message(problem.messageKey(), problem.arguments())))
                .toList()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException exception) {
        return respond(problems.problem(HttpStatus.BAD_REQUEST, "error.badRequest", List.of(
                new FieldError(exception.getName(), problems.message("error.field.typeMismatch")))));
    }

    @ExceptionHandler(RequestBodyLimitFilter.BodyTooLargeException.class)
    ResponseEntity<ProblemDetail> bodyTooLarge(RequestBodyLimitFilter.BodyTooLargeException exception) {
        return respond(problems.problem(HttpStatus.CONTENT_TOO_LARGE, "error.payloadTooLarge",
                exception.limit / 1024));
    }

    /** Left to Spring Security, which answers 403 in the API's shape. */
    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    void accessDenied(AccessDeniedException exception) {
        throw exception;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception exception) {
        log.error("Unexpected failure of an API call", exception);
        return respond(problems.problem(HttpStatus.INTERNAL_SERVER_ERROR, "error.internal"));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = exception.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldError(error.getField(), messageOf(error)))
                .toList();
        List<FieldError> global = exception.getBindingResult().getGlobalErrors().stream()
                .map(error -> new FieldError(error.getObjectName(), messageOf(error)))
                .toList();
        return body(problems.problem(HttpStatus.BAD_REQUEST, "error.badRequest",
                java.util.stream.Stream.concat(errors.stream(), global.stream()).toList()));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = exception.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldError(result.getMethodParameter().getParameterName(),
                                getMessageSource().getMessage(error, LocaleContextHolder.getLocale()))))
                .toList();
        return body(problems.problem(HttpStatus.BAD_REQUEST, "error.badRequest", errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // Jackson wraps the filter's IOException once or twice (JacksonIOException), depending on where it struck
        for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestBodyLimitFilter.BodyTooLargeException tooLarge) {
                return body(problems.problem(HttpStatus.CONTENT_TOO_LARGE, "error.payloadTooLarge",
                        tooLarge.limit / 1024));
            }
        }
        return body(problems.problem(HttpStatus.BAD_REQUEST, "error.malformedBody"));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = problems.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "error.unsupportedMediaType",
                String.valueOf(exception.getContentType()));
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .header(HttpHeaders.ACCEPT, "application/json")
                .contentType(ApiProblems.PROBLEM_JSON).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return body(problems.problem(HttpStatus.CONTENT_TOO_LARGE, "error.uploadTooLarge"));
    }

    /** Every other standard MVC failure (405, 406, missing parameter…) keeps its status, in our shape. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        ProblemDetail problem = problems.problem(HttpStatus.valueOf(status.value()),
                "error.status." + status.value());
        if (body instanceof ProblemDetail original && original.getDetail() != null && status.value() == 400) {
            problem.setProperty("errors", List.of(new FieldError(null, original.getDetail())));
        }
        return ResponseEntity.status(status).headers(headers).contentType(ApiProblems.PROBLEM_JSON).body(problem);
    }

    private String messageOf(org.springframework.validation.ObjectError error) {
        return getMessageSource().getMessage(error, LocaleContextHolder.getLocale());
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(ApiProblems.PROBLEM_JSON).body(problem);
    }

    private static ResponseEntity<Object> body(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(ApiProblems.PROBLEM_JSON).body(problem);
    }
}
