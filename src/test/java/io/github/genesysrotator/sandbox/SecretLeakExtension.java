package io.github.genesysrotator.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.OptionalInt;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext.Store;

/**
 * Registered for every test of the suite (service loader + autodetection in
 * {@code junit-platform.properties}): captures what each test writes to
 * {@code System.out} and {@code System.err} (logs included: the console appender writes
 * through them) while still printing it, and fails the test if any secret a Genesys
 * simulator issued appears there. Output of a test class outside its tests (context
 * startup, {@code @BeforeAll}) is checked when the class ends. Tests may handle secrets;
 * they may not log them.
 * <p>
 * The streams are teed once per outermost class, before any other extension runs, and
 * each test only opens a window on them: a tee per test would sit between the class and
 * test captures of Spring Boot's {@code OutputCaptureExtension} and make it record every
 * line twice.
 */
public final class SecretLeakExtension
		implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback {

	private static final Namespace NAMESPACE = Namespace.create(SecretLeakExtension.class);

	@Override
	public void beforeAll(ExtensionContext context) {
		Store store = context.getStore(NAMESPACE);
		if (store.get(Tee.class) == null) {
			Tee tee = Tee.install();
			store.put(Tee.class, tee);
			store.put(context.getUniqueId(), tee);
		}
		tee(context).open();
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		tee(context).open();
	}

	@Override
	public void afterEach(ExtensionContext context) {
		check(context);
	}

	@Override
	public void afterAll(ExtensionContext context) {
		try {
			check(context);
		}
		finally {
			// Only the class that installed the tee (not a nested one) removes it.
			Tee installed = context.getStore(NAMESPACE).remove(context.getUniqueId(), Tee.class);
			if (installed != null) {
				installed.uninstall();
			}
		}
	}

	private static void check(ExtensionContext context) {
		OptionalInt leak = IssuedSecrets.firstLeakIn(tee(context).close());
		if (leak.isPresent()) {
			throw new AssertionError("System.out/System.err of " + context.getDisplayName()
					+ " contains a secret issued by the Genesys simulator, at character " + leak.getAsInt()
					+ " of the captured output: find what logged it (the secret is not quoted here)");
		}
	}

	private static Tee tee(ExtensionContext context) {
		return context.getStore(NAMESPACE).get(Tee.class, Tee.class);
	}

	/** Both standard streams, teed into the innermost open window. */
	private static final class Tee {

		private final PrintStream originalOut;

		private final PrintStream originalErr;

		private final Deque<ByteArrayOutputStream> windows = new ArrayDeque<>();

		private Tee() {
			this.originalOut = System.out;
			this.originalErr = System.err;
		}

		static Tee install() {
			Tee tee = new Tee();
			System.setOut(new TeeStream(tee, tee.originalOut));
			System.setErr(new TeeStream(tee, tee.originalErr));
			return tee;
		}

		void uninstall() {
			System.setOut(this.originalOut);
			System.setErr(this.originalErr);
		}

		synchronized void open() {
			this.windows.push(new ByteArrayOutputStream());
		}

		synchronized String close() {
			return this.windows.pop().toString(StandardCharsets.UTF_8);
		}

		synchronized void capture(byte[] bytes, int offset, int length) {
			if (!this.windows.isEmpty()) {
				this.windows.peek().write(bytes, offset, length);
			}
		}

	}

	private static final class TeeStream extends PrintStream {

		TeeStream(Tee tee, PrintStream original) {
			super(new OutputStream() {

				@Override
				public void write(int b) {
					write(new byte[] { (byte) b }, 0, 1);
				}

				@Override
				public void write(byte[] bytes, int offset, int length) {
					original.write(bytes, offset, length);
					tee.capture(bytes, offset, length);
				}

				@Override
				public void flush() {
					original.flush();
				}

			}, true, StandardCharsets.UTF_8);
		}

	}

}
