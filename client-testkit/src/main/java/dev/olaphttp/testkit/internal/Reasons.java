package dev.olaphttp.testkit.internal;

/** HTTP reason phrases. */
final class Reasons {
  private Reasons() {}

  static String of(int status) {
    return switch (status) {
      case 100 -> "Continue";
      case 200 -> "OK";
      case 204 -> "No Content";
      case 307 -> "Temporary Redirect";
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 408 -> "Request Timeout";
      case 411 -> "Length Required";
      case 413 -> "Payload Too Large";
      case 415 -> "Unsupported Media Type";
      case 429 -> "Too Many Requests";
      case 500 -> "Internal Server Error";
      case 501 -> "Not Implemented";
      case 502 -> "Bad Gateway";
      case 503 -> "Service Unavailable";
      case 504 -> "Gateway Timeout";
      default -> "Status";
    };
  }
}
