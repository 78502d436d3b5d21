package dev.olaphttp.testkit;

import dev.olaphttp.testkit.internal.JsonText;

/** The BE's Stream Load answer: rapidjson PrettyWriter output, PascalCase keys in the real order. */
final class StarRocksLoadResult {
  long txnId = -1;
  String label = "";
  String status = "Success";
  String existingJobStatus;
  String message = "OK";
  long total;
  long loaded;
  long filtered;
  long unselected;
  long bytes;
  String errorUrl;

  String json() {
    StringBuilder sb = new StringBuilder(512).append("{\n");
    field(sb, "TxnId").append(txnId).append(",\n");
    JsonText.string(field(sb, "Label"), label, false).append(",\n");
    JsonText.string(field(sb, "Status"), status, false).append(",\n");
    if (existingJobStatus != null) {
      JsonText.string(field(sb, "ExistingJobStatus"), existingJobStatus, false).append(",\n");
    }
    JsonText.string(field(sb, "Message"), message, false).append(",\n");
    field(sb, "NumberTotalRows").append(total).append(",\n");
    field(sb, "NumberLoadedRows").append(loaded).append(",\n");
    field(sb, "NumberFilteredRows").append(filtered).append(",\n");
    field(sb, "NumberUnselectedRows").append(unselected).append(",\n");
    field(sb, "LoadBytes").append(bytes).append(",\n");
    field(sb, "LoadTimeMs").append(txnId < 0 ? 0 : 3).append(",\n");
    field(sb, "BeginTxnTimeMs").append(txnId < 0 ? 0 : 1).append(",\n");
    field(sb, "StreamLoadPlanTimeMs").append(txnId < 0 ? 0 : 1).append(",\n");
    field(sb, "ReadDataTimeMs").append(0).append(",\n");
    field(sb, "WriteDataTimeMs").append(txnId < 0 ? 0 : 1).append(",\n");
    field(sb, "CommitAndPublishTimeMs").append(0);
    if (errorUrl != null) {
      JsonText.string(field(sb.append(",\n"), "ErrorURL"), errorUrl, false);
    }
    return sb.append("\n}").toString();
  }

  private static StringBuilder field(StringBuilder sb, String name) {
    return sb.append("    \"").append(name).append("\": ");
  }
}
