package org.clientela.orders.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A step the user's role does not allow on an order they may see answers the plain 403 page, as
 * the other modules' forms do.
 */
@ControllerAdvice(basePackageClasses = OrderWebErrors.class)
class OrderWebErrors {

    @ExceptionHandler(AccessDeniedException.class)
    void forbidden(HttpServletResponse response) throws IOException {
        response.sendError(HttpStatus.FORBIDDEN.value());
    }
}
