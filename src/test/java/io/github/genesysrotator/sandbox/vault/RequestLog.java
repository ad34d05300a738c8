package io.github.genesysrotator.sandbox.vault;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Every request the simulator saw, in arrival order, for assertions. */
public final class RequestLog {

	private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

	void record(RecordedRequest request) {
		this.requests.add(request);
	}

	public List<RecordedRequest> all() {
		return List.copyOf(this.requests);
	}

	public List<RecordedRequest> matching(String method, String pathPrefix) {
		return this.requests.stream()
			.filter((request) -> request.method().equals(method) && request.path().startsWith(pathPrefix))
			.toList();
	}

	public void clear() {
		this.requests.clear();
	}

}
