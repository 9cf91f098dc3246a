package org.clientela.platform.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import org.clientela.shared.RecordNotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A record one may not see, or that does not exist, answers the 404 page on the HTML side: the
 * same answer for both, so that nobody learns of a record they may not see. The page itself is
 * {@link ErrorPages}'; REST controllers are answered first by {@link ApiExceptionHandler}.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class HtmlExceptionHandler {

    @ExceptionHandler(RecordNotFoundException.class)
    void notFound(HttpServletResponse response) throws IOException {
        response.sendError(HttpStatus.NOT_FOUND.value());
    }
}
