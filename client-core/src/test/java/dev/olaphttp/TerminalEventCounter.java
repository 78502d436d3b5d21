package dev.olaphttp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Counts listener events per query id and checks that every started statement got exactly one terminal event. */
final class TerminalEventCounter implements QueryListener {
    /** One terminal event: which, the rows it reported (-1 for a failure) and the failure. */
    record Event(String kind, long rows, SqlClientException error) {}

    private final Map<String, Integer> starts = new ConcurrentHashMap<>();
    private final Map<String, List<Event>> terminals = new ConcurrentHashMap<>();

    @Override
    public void onStart(QueryInfo query) {
        starts.merge(query.queryId(), 1, Integer::sum);
    }

    @Override
    public void onEnd(QueryInfo query, QueryStats stats, long rows) {
        add(query, new Event("end", rows, null));
    }

    @Override
    public void onFailure(QueryInfo query, SqlClientException error) {
        add(query, new Event("failure", -1, error));
    }

    @Override
    public void onClosedEarly(QueryInfo query, QueryStats stats, long rowsDelivered) {
        add(query, new Event("closedEarly", rowsDelivered, null));
    }

    private void add(QueryInfo query, Event e) {
        terminals.computeIfAbsent(query.queryId(), k -> java.util.Collections.synchronizedList(new ArrayList<>()))
                .add(e);
    }

    /** Asserts that exactly the given statements started, each with exactly one terminal event, and returns it. */
    Event onlyTerminalOf(String queryId) {
        assertThat(starts).as("statements started").containsEntry(queryId, 1);
        assertThat(terminals.get(queryId)).as("terminal events of " + queryId).hasSize(1);
        return terminals.get(queryId).get(0);
    }

    /** Every statement that started has exactly one terminal event, and no event is for a statement never started. */
    void assertExactlyOneEach() {
        assertThat(terminals.keySet()).as("no terminal without a start").isSubsetOf(starts.keySet());
        starts.forEach((id, n) -> {
            assertThat(n).as("starts of " + id).isEqualTo(1);
            assertThat(terminals.get(id)).as("terminal events of " + id).hasSize(1);
        });
    }

    int started() {
        return starts.size();
    }
}
