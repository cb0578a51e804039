public import OneWindowCore
public import OneWindowValidation

/// The text of `onewindow --version`.
///
/// The first line is `onewindow <version>` in every language, for scripts; then one labelled
/// line each for the build's commit, the rule set's date, the XSD folder (one indented line per
/// packet family with its namespace) and libxml2. What could not be found is said on its line.
public enum VersionRenderer {
  public static func text(_ info: VersionInfo, language: Language) -> String {
    func pick(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }
    let colon = pick("：", ": ")
    var lines = ["onewindow \(OneWindowVersion.current)"]
    let commit =
      switch info.build {
      case .commit(let commit): commit
      case .unknownCommit: pick("unknown（安装时不在 git 检出目录中）", "unknown (installed from outside a git checkout)")
      case .notStamped:
        pick("unknown（无构建记录：不是由 scripts/install.sh 安装的）", "unknown (no build stamp: not installed by scripts/install.sh)")
      }
    lines.append(pick("构建提交", "commit") + colon + commit)
    switch info.ruleSet {
    case .found(let ruleSet):
      lines.append(
        pick("规则集日期", "rule set of") + colon + ruleSet.date
          + pick("（\(ruleSet.policyFile) 的 version）", " (version of \(ruleSet.policyFile))"))
    case let problem:
      lines.append(pick("规则集日期", "rule set of") + colon + describe(problem, language: language))
    }
    switch info.schemas {
    case .found(let schemas):
      lines.append(
        pick("数据包 XSD", "packet schemas") + colon + schemas.folder
          + (schemas.matchesManifest
            ? "" : pick("（与 MANIFEST 不一致：XSD 已被修改）", " (differs from its MANIFEST: edited schemas)")))
      let width = schemas.families.map(\.family.count).max() ?? 0
      for family in schemas.families {
        let padding = String(repeating: " ", count: width - family.family.count)
        lines.append("  \(family.family)\(padding)  \(family.namespace ?? pick("（无命名空间）", "(no namespace)"))")
      }
    case let problem:
      lines.append(pick("数据包 XSD", "packet schemas") + colon + describe(problem, language: language))
    }
    lines.append("libxml2" + colon + info.libxml2)
    return lines.joined(separator: "\n") + "\n"
  }

  private static func describe<Value>(_ lookup: VersionInfo.Lookup<Value>, language: Language) -> String {
    switch lookup {
    case .found: ""
    case .folderMissing(let kind, let tried):
      language == .zh
        ? "未找到 \(kind) 文件夹（已查找：\(tried.joined(separator: "、"))）"
        : "no \(kind) folder found (looked in: \(tried.joined(separator: ", ")))"
    case .unreadable(let path):
      language == .zh ? "缺失或无效：\(path)" : "missing or invalid: \(path)"
    }
  }
}
