package org.clientela.platform.web;

import java.util.Map;

import org.clientela.platform.ApiProblems;
import org.clientela.shared.RecordNotFoundException;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.ModelAndView;

/**
 * A record one may not see, or that does not exist, answers the 404 page on the HTML side: the
 * same answer for both, so that nobody learns of a record they may not see.
 */
@ControllerAdvice(annotations = Controller.class)
class HtmlExceptionHandler {

    static final String NOT_FOUND_VIEW = "error/404";

    private final ApiProblems problems;

    HtmlExceptionHandler(ApiProblems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(RecordNotFoundException.class)
    Object notFound(RecordNotFoundException exception, HandlerMethod handler) {
        // @RestController is a @Controller too: should this advice come first, answer in the API's shape
        if (AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), ResponseBody.class)
                || handler.hasMethodAnnotation(ResponseBody.class)) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(ApiProblems.PROBLEM_JSON)
                    .body(problems.problem(HttpStatus.NOT_FOUND, "error.notFound"));
        }
        return new ModelAndView(NOT_FOUND_VIEW, Map.of("status", HttpStatus.NOT_FOUND.value(),
                "messageKey", "error.notFound"), HttpStatus.NOT_FOUND);
    }
}
