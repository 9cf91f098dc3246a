package org.clientela.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the layout needs on every page. */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class LayoutModel {

    /** The path of the page, to mark the active navigation entry. */
    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI();
    }
}
