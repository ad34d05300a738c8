package io.github.genesysrotator.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Durations measured in a benchmark, summarised as percentiles in milliseconds. */
final class Samples {

	private final List<Double> millis = Collections.synchronizedList(new ArrayList<>());

	void add(Duration duration) {
		this.millis.add(duration.toNanos() / 1_000_000.0);
	}

	int count() {
		return this.millis.size();
	}

	/** Nearest-rank percentile in milliseconds; 0 when empty. */
	double percentile(double p) {
		List<Double> sorted;
		synchronized (this.millis) {
			sorted = new ArrayList<>(this.millis);
		}
		if (sorted.isEmpty()) {
			return 0;
		}
		Collections.sort(sorted);
		int rank = (int) Math.ceil(p / 100.0 * sorted.size());
		return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
	}

	double max() {
		return percentile(100);
	}

	double min() {
		return percentile(0);
	}

	Map<String, Object> summary() {
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("count", count());
		summary.put("p50Ms", round(percentile(50)));
		summary.put("p99Ms", round(percentile(99)));
		summary.put("maxMs", round(max()));
		return summary;
	}

	static double round(double value) {
		return Math.round(value * 100) / 100.0;
	}

}
