/// Makes text safe for XML 1.0 reports (JUnit), whatever a container named its mounts.
///
/// XML 1.0 cannot carry most control characters at all, not even as character references,
/// so they are first made visible the way `TerminalText` shows them (`\x1b`, `\n`,
/// `\u{202E}`, and `\xNN` for bytes that are not UTF-8); that also covers bidirectional
/// overrides and the noncharacters U+FFFE and U+FFFF. Then `&`, `<`, `>` and `"` are
/// written as entities, so the result fits in element text and in double-quoted attribute
/// values alike (every attribute mountaudit writes is double-quoted).
public enum XMLText {
  /// `text` made visible and escaped for XML.
  public static func escape(_ text: String) -> String {
    entities(TerminalText.escape(text))
  }

  /// The bytes of `text` made visible and escaped for XML.
  public static func escape(_ text: ByteString) -> String {
    entities(TerminalText.escape(text))
  }

  /// `text`, already free of characters XML cannot carry, with `&`, `<`, `>` and `"`
  /// written as entities.
  static func entities(_ text: String) -> String {
    var output = ""
    output.reserveCapacity(text.utf8.count)
    for character in text.unicodeScalars {
      switch character {
      case "&": output += "&amp;"
      case "<": output += "&lt;"
      case ">": output += "&gt;"
      case "\"": output += "&quot;"
      default: output.unicodeScalars.append(character)
      }
    }
    return output
  }
}
