package dev.olaphttp.starrocks.internal;

import dev.olaphttp.SqlType;

/** Chooses the {@link ValueDecoder} of a type, once per column. */
final class Decoders {
    private Decoders() {}

    static ValueDecoder forType(SqlType type) {
        return switch (type.kind()) {
            case INT8, INT16, INT32, INT64 -> new ScalarDecoders.Int(type);
            case INT128 -> new ScalarDecoders.Big(type);
            case BOOLEAN -> new ScalarDecoders.Bool(type);
            case FLOAT32, FLOAT64 -> new ScalarDecoders.Floating(type);
            case DECIMAL -> new ScalarDecoders.Decimal(type);
            case STRING -> new ScalarDecoders.Text(type);
            case BINARY -> new ScalarDecoders.Binary(type);
            case DATE -> new TemporalDecoders.Date(type);
            case TIMESTAMP -> new TemporalDecoders.DateTime(type);
            case ARRAY -> new NestedDecoders.Array(type, forType(type.elements().get(0)));
            case MAP -> new NestedDecoders.MapOf(
                    type, forType(type.elements().get(0)), forType(type.elements().get(1)));
            case TUPLE -> {
                ValueDecoder[] fields = new ValueDecoder[type.elements().size()];
                for (int i = 0; i < fields.length; i++) {
                    fields[i] = forType(type.elements().get(i));
                }
                yield new NestedDecoders.Struct(type, fields);
            }
            default -> new NestedDecoders.JsonText(type); // JSON, NOTHING, OTHER
        };
    }
}
