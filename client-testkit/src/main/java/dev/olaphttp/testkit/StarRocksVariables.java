package dev.olaphttp.testkit;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The FE's session variables the simulator knows: name, type and default. {@code sessionVariables} entries are
 * checked as {@code SET SESSION name = 'value'} is (an unknown name or a value of the wrong type fails the request),
 * and {@code SELECT @@name} answers the variable typed, with the connection's value or the default.
 */
final class StarRocksVariables {
  /** A variable's type, with the column type {@code SELECT @@name} reports. */
  enum Kind {
    INT("bigint(20)"), BIGINT("bigint(20)"), BOOLEAN("boolean"), DOUBLE("double"), VARCHAR("varchar");

    final String columnType;

    Kind(String columnType) {
      this.columnType = columnType;
    }
  }

  /** A known variable. */
  record Variable(String name, Kind kind, String defaultValue) {}

  private final Map<String, Variable> known = new ConcurrentHashMap<>();

  StarRocksVariables() {
    declare("query_timeout", Kind.INT, "300");
    declare("query_mem_limit", Kind.BIGINT, "0");
    declare("exec_mem_limit", Kind.BIGINT, "2147483648");
    declare("load_mem_limit", Kind.BIGINT, "0");
    declare("insert_timeout", Kind.INT, "14400");
    declare("pipeline_dop", Kind.INT, "0");
    declare("parallel_fragment_exec_instance_num", Kind.INT, "1");
    declare("batch_size", Kind.INT, "4096");
    declare("chunk_size", Kind.INT, "4096");
    declare("sql_select_limit", Kind.BIGINT, "9223372036854775807");
    declare("group_concat_max_len", Kind.BIGINT, "1024");
    declare("new_planner_optimize_timeout", Kind.BIGINT, "3000");
    declare("query_queue_pending_timeout_second", Kind.INT, "300");
    declare("wait_timeout", Kind.INT, "28800");
    declare("interactive_timeout", Kind.INT, "3600");
    declare("net_read_timeout", Kind.INT, "60");
    declare("net_write_timeout", Kind.INT, "60");
    declare("max_allowed_packet", Kind.INT, "33554432");
    declare("lower_case_table_names", Kind.INT, "0");
    declare("max_pushdown_conditions_per_column", Kind.INT, "-1");
    declare("runtime_profile_report_interval", Kind.BIGINT, "10");
    declare("profile_timeout", Kind.INT, "2");
    declare("enable_profile", Kind.BOOLEAN, "false");
    declare("enable_async_profile", Kind.BOOLEAN, "true");
    declare("enable_pipeline_engine", Kind.BOOLEAN, "true");
    declare("enable_spill", Kind.BOOLEAN, "false");
    declare("enable_query_cache", Kind.BOOLEAN, "false");
    declare("enable_insert_strict", Kind.BOOLEAN, "true");
    declare("enable_materialized_view_rewrite", Kind.BOOLEAN, "true");
    declare("forward_to_leader", Kind.BOOLEAN, "false");
    declare("autocommit", Kind.BOOLEAN, "true");
    declare("time_zone", Kind.VARCHAR, "Asia/Shanghai");
    declare("sql_mode", Kind.VARCHAR, "ONLY_FULL_GROUP_BY");
    declare("sql_dialect", Kind.VARCHAR, "StarRocks");
    declare("resource_group", Kind.VARCHAR, "");
    declare("big_query_profile_threshold", Kind.VARCHAR, "0s");
    declare("streaming_preaggregation_mode", Kind.VARCHAR, "auto");
    declare("character_set_client", Kind.VARCHAR, "utf8");
    declare("character_set_connection", Kind.VARCHAR, "utf8");
    declare("character_set_results", Kind.VARCHAR, "utf8");
    declare("collation_connection", Kind.VARCHAR, "utf8_general_ci");
    declare("tx_isolation", Kind.VARCHAR, "REPEATABLE-READ");
    declare("transaction_isolation", Kind.VARCHAR, "REPEATABLE-READ");
    declare("version_comment", Kind.VARCHAR, "StarRocks version 3.3.0-testkit");
  }

  void declare(String name, Kind kind, String defaultValue) {
    known.put(name.toLowerCase(Locale.ROOT), new Variable(name.toLowerCase(Locale.ROOT), kind, defaultValue));
  }

  /** The variable, or null when the FE has none of that name. */
  Variable find(String name) {
    return known.get(name.toLowerCase(Locale.ROOT));
  }

  /** Why {@code SET SESSION name = 'value'} fails, or null if it is accepted. */
  String reject(String name, String value) {
    Variable v = find(name);
    if (v == null) {
      return "Unknown system variable '" + name + "'";
    }
    if (!fits(v.kind(), value)) {
      return "Incorrect argument type to variable '" + v.name() + "'";
    }
    return null;
  }

  /** The value of the variable as {@code SELECT @@name} returns it, typed. */
  static Object typed(Kind kind, String value) {
    return switch (kind) {
      case INT, BIGINT -> Long.parseLong(value.trim());
      case BOOLEAN -> value.equalsIgnoreCase("true") || value.equals("1") || value.equalsIgnoreCase("on");
      case DOUBLE -> Double.parseDouble(value.trim());
      case VARCHAR -> value;
    };
  }

  private static boolean fits(Kind kind, String value) {
    if (value == null) {
      return false;
    }
    try {
      switch (kind) {
        case INT -> Integer.parseInt(value.trim());
        case BIGINT -> Long.parseLong(value.trim());
        case DOUBLE -> Double.parseDouble(value.trim());
        case BOOLEAN -> {
          String b = value.trim().toLowerCase(Locale.ROOT);
          return b.equals("true") || b.equals("false") || b.equals("1") || b.equals("0") || b.equals("on")
              || b.equals("off");
        }
        case VARCHAR -> { }
      }
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
