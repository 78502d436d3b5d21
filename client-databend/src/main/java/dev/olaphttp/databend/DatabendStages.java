package dev.olaphttp.databend;

import dev.olaphttp.ExecutionResult;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Databend's stage loading, reached through {@code client.extension(DatabendStages.class)}: upload a file to a
 * stage ({@code PUT /v1/upload_to_stage}, streamed) and run {@code INSERT/REPLACE ... VALUES} reading it.
 *
 * <pre>{@code
 * DatabendStages stages = client.extension(DatabendStages.class);
 * String location = stages.upload("~", "load/rows.csv", Path.of("rows.csv"));
 * stages.insertFromStage("INSERT INTO t VALUES", StageAttachment.builder(location)
 *         .fileFormat("type", "CSV").copyOption("purge", "true").build());
 * }</pre>
 */
public interface DatabendStages {
    /**
     * Uploads a stream to {@code stage} ({@code ~} is the user stage) under {@code path}. The stream is read once
     * (an upload from a stream is not retried) and not closed.
     *
     * @return the stage location of the file, e.g. {@code @~/load/rows.csv}
     */
    String upload(String stage, String path, InputStream data);

    /** Uploads a file; retried like any idempotent request since the file can be read again. */
    String upload(String stage, String path, Path file);

    /** Runs an {@code INSERT ... VALUES} or {@code REPLACE ... VALUES} statement that reads a staged file. */
    ExecutionResult insertFromStage(String sql, StageAttachment attachment);
}
