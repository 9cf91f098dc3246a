package org.clientela.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.SmartView;
import org.springframework.web.servlet.view.UrlBasedViewResolver;

/**
 * What the layout needs on every page: the path of the page, to mark the active navigation entry.
 * Added after the handler, to the pages only: as a controller advice's model attribute, every API
 * request paid for finding out that it applies (some 5 % of a company's registration).
 */
class LayoutModel implements HandlerInterceptor {

    private static final String CURRENT_PATH = "currentPath";

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
            ModelAndView page) {
        if (page != null && !isRedirect(page)) {
            page.addObject(CURRENT_PATH, request.getRequestURI());
        }
    }

    /** A redirect's model goes into the URL it leads to. */
    private static boolean isRedirect(ModelAndView page) {
        return page.isReference()
                ? page.getViewName().startsWith(UrlBasedViewResolver.REDIRECT_URL_PREFIX)
                : page.getView() instanceof SmartView view && view.isRedirectView();
    }
}
