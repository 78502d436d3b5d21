package dev.olaphttp.databend;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The staged file an {@code INSERT}/{@code REPLACE ... VALUES} statement reads ({@code stage_attachment}):
 * its location ({@code @~/path/file.csv}, {@code @stage/path}), file format options ({@code type=CSV}...) and copy
 * options ({@code purge=true}...). Immutable.
 */
public final class StageAttachment {
    private final String location;
    private final Map<String, String> fileFormatOptions;
    private final Map<String, String> copyOptions;

    private StageAttachment(Builder b) {
        this.location = b.location;
        this.fileFormatOptions = Collections.unmodifiableMap(new LinkedHashMap<>(b.fileFormat));
        this.copyOptions = Collections.unmodifiableMap(new LinkedHashMap<>(b.copy));
    }

    /** An attachment of the file at {@code location} with no options. */
    public static StageAttachment of(String location) {
        return builder(location).build();
    }

    /** Starts an attachment of the file at {@code location}. */
    public static Builder builder(String location) {
        return new Builder(location);
    }

    public String location() {
        return location;
    }

    public Map<String, String> fileFormatOptions() {
        return fileFormatOptions;
    }

    public Map<String, String> copyOptions() {
        return copyOptions;
    }

    @Override
    public String toString() {
        return "StageAttachment{" + location + ", format=" + fileFormatOptions + ", copy=" + copyOptions + "}";
    }

    /** Builds a {@link StageAttachment}. */
    public static final class Builder {
        private final String location;
        private final Map<String, String> fileFormat = new LinkedHashMap<>();
        private final Map<String, String> copy = new LinkedHashMap<>();

        private Builder(String location) {
            Objects.requireNonNull(location, "location");
            if (!location.startsWith("@")) {
                throw new IllegalArgumentException("a stage location starts with '@', e.g. @~/dir/file.csv");
            }
            this.location = location;
        }

        /** A file format option, e.g. {@code ("type", "CSV")}, {@code ("field_delimiter", ",")}. */
        public Builder fileFormat(String name, String value) {
            fileFormat.put(Objects.requireNonNull(name), Objects.requireNonNull(value));
            return this;
        }

        /** A copy option, e.g. {@code ("purge", "true")}. */
        public Builder copyOption(String name, String value) {
            copy.put(Objects.requireNonNull(name), Objects.requireNonNull(value));
            return this;
        }

        public StageAttachment build() {
            return new StageAttachment(this);
        }
    }
}
