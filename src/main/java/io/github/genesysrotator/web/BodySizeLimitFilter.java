package io.github.genesysrotator.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies larger than {@link #MAX_BYTES} with a 413 problem. The API's
 * bodies are a few fields, so a larger one is a mistake or abuse; chunked bodies without
 * a length are read up to one byte past the limit and replayed.
 */
final class BodySizeLimitFilter extends OncePerRequestFilter {

	/** 4 KiB: ten times the largest valid body (a 500-character reason). */
	static final int MAX_BYTES = 4096;

	private final ProblemWriter problems;

	BodySizeLimitFilter(ProblemWriter problems) {
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long declared = request.getContentLengthLong();
		if (declared > MAX_BYTES) {
			tooLarge(response);
			return;
		}
		if (declared >= 0) {
			chain.doFilter(request, response);
			return;
		}
		byte[] body = request.getInputStream().readNBytes(MAX_BYTES + 1);
		if (body.length > MAX_BYTES) {
			tooLarge(response);
			return;
		}
		chain.doFilter(new Replayed(request, body), response);
	}

	private void tooLarge(HttpServletResponse response) throws IOException {
		this.problems.write(response, HttpStatus.CONTENT_TOO_LARGE, ProblemTypes.BODY_TOO_LARGE,
				"The request body is larger than " + MAX_BYTES + " bytes");
	}

	/** A request whose body was read already and is served again from memory. */
	private static final class Replayed extends HttpServletRequestWrapper {

		private final byte[] body;

		Replayed(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public int getContentLength() {
			return this.body.length;
		}

		@Override
		public long getContentLengthLong() {
			return this.body.length;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {

				@Override
				public int read() throws IOException {
					return in.read();
				}

				@Override
				public int read(byte[] b, int off, int len) throws IOException {
					return in.read(b, off, len);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("Blocking reads only");
				}

			};
		}

	}

}
