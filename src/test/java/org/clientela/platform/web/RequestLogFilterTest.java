package org.clientela.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

@ExtendWith(OutputCaptureExtension.class)
class RequestLogFilterTest {

    @Test
    void logsTheRequestWithoutSecrets(CapturedOutput output) throws Exception {
        ch.qos.logback.classic.Logger logger =
                (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.clientela.requests");
        logger.setLevel(ch.qos.logback.classic.Level.INFO);
        try {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/me/calendar-feed");
            request.setQueryString("token=s3cr3t-value&page=2&newPassword=hunter22");
            request.addHeader("Authorization", "Basic bWFuYWdlcjE6ZGVtbw==");
            MockHttpServletResponse response = new MockHttpServletResponse();
            response.setStatus(200);

            new RequestLogFilter().doFilter(request, response, new MockFilterChain());

            assertThat(output).contains("GET /api/v1/me/calendar-feed?token=***&page=2&newPassword=*** 200");
            assertThat(output).doesNotContain("s3cr3t-value", "hunter22", "bWFuYWdlcjE6ZGVtbw");
        } finally {
            logger.setLevel(null);
        }
    }
}
