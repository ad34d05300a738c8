package io.github.genesysrotator.vault;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.genesysrotator.rotation.RotationAction;
import io.github.genesysrotator.rotation.StateRecord;
import io.github.genesysrotator.rotation.StateRecord.HistoryEntry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StateRecordMapperTests {

	@Test
	void historyActionsWrittenAsStringsReadBackAsActionsAndAreWrittenTheSameWay() {
		Map<String, Object> stored = new LinkedHashMap<>();
		stored.put("phase", "IDLE");
		stored.put("history", List.of(entry("r-2", "rollback"), entry("r-1", "rotation")));

		StateRecord record = StateRecordMapper.fromData(stored);

		assertThat(record.history()).extracting(HistoryEntry::action)
			.containsExactly(RotationAction.ROLLBACK, RotationAction.ROTATION);
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> written = (List<Map<String, Object>>) StateRecordMapper.toData(record).get("history");
		assertThat(written).extracting((entry) -> entry.get("action")).containsExactly("rollback", "rotation");
	}

	private static Map<String, Object> entry(String rotationId, String action) {
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("rotation_id", rotationId);
		entry.put("action", action);
		entry.put("trigger", "api");
		entry.put("actor", "ops");
		entry.put("mode", "ROUTINE");
		entry.put("outcome", "SUCCESS");
		entry.put("client_id", "client-a");
		entry.put("started_at", "2026-03-02T02:00:00Z");
		entry.put("finished_at", "2026-03-02T02:01:00Z");
		return entry;
	}

}
