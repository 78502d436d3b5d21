package dev.olaphttp;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** {@link MappedQuery} over a {@link DefaultQuery}, mapping each row with a {@link RecordMapper}. */
final class RecordQuery<R> implements MappedQuery<R> {
    private final DefaultQuery query;
    private final RecordMapper<R> mapper;

    RecordQuery(DefaultQuery query, Class<R> type) {
        this.query = query;
        this.mapper = new RecordMapper<>(type);
    }

    @Override
    public List<R> list() {
        return query.list(mapper);
    }

    @Override
    public R single() {
        return query.single(mapper);
    }

    @Override
    public Optional<R> optional() {
        return query.optional(mapper);
    }

    @Override
    public Stream<R> stream() {
        return query.stream(mapper);
    }
}
