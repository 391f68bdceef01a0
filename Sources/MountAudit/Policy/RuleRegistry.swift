/// The one list of every rule mountaudit runs, in the order `mountaudit rules` shows them.
///
/// A test checks that every rule appears once and every ID is unique.
public enum RuleRegistry {
  /// Every rule.
  public static let all: [any Rule] = [
    NamespaceHostRule(),
    // propagation, host and rootfs rules
    PropagationHostPeerRule(),
    PropagationHostSlaveRule(),
    PropagationSharedRule(),
    HostRuntimeSocketRule(),
    HostSensitivePathRule(),
    HostHiddenLeakRule(),
    HostKernelFsRule(),
    HostBindRule(),
    RootfsWritableRule(),
    // proc, sys, cgroup and dev rules
    ProcMissingRule(),
    ProcHostInstanceRule(),
    ProcUnexpectedLocationRule(),
    ProcMaskMissingRule(),
    ProcMaskInvalidRule(),
    ProcReadonlyMissingRule(),
    SysWritableRule(),
    CgroupWritableRule(),
    DevNotTmpfsRule(),
    DevHostDevtmpfsRule(),
    DevUnexpectedNodeRule(),
    DevPtsHostInstanceRule(),
    DevShmHostInstanceRule(),
    DevConsoleInvalidRule(),
    ParseInvalidLineRule(),
    // the policy file's own exceptions
    PolicyExpiredExceptionRule(),
    PolicyUnusedExceptionRule(),
  ]

  /// The rule with ID `id`.
  public static func rule(id: String) -> (any Rule)? {
    all.first { $0.metadata.id == id }
  }
}
