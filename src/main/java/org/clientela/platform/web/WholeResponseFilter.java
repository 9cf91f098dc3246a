package org.clientela.platform.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets an answer that fits the server's buffer leave in one write, with its length. Spring's
 * message converters flush the body they have written, which sends it before its length is known:
 * as a chunk, and the chunked encoding's end in a second write when the request completes. With
 * the flushes ignored, the server completes the answer itself, sets its {@code Content-Length}
 * and writes it once. A body larger than the buffer still leaves as it is written, in chunks.
 * Nothing here streams on purpose (no server-sent events, no progress written as it goes).
 */
final class WholeResponseFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, new UnflushedResponse(response));
    }

    private static final class UnflushedResponse extends HttpServletResponseWrapper {

        private ServletOutputStream body;

        UnflushedResponse(HttpServletResponse response) {
            super(response);
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (body == null) {
                body = new UnflushedOutputStream(super.getOutputStream());
            }
            return body;
        }

        @Override
        public void flushBuffer() {
            // completed by the server when the request returns
        }
    }

    private static final class UnflushedOutputStream extends ServletOutputStream {

        private final ServletOutputStream out;

        UnflushedOutputStream(ServletOutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void flush() {
            // completed by the server when the request returns
        }

        @Override
        public void close() throws IOException {
            out.close();
        }

        @Override
        public boolean isReady() {
            return out.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            out.setWriteListener(listener);
        }
    }
}
