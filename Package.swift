// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "mountaudit",
  products: [
    .executable(name: "mountaudit", targets: ["mountaudit"]),
    .library(name: "MountAudit", targets: ["MountAudit"]),
  ],
  targets: [
    .systemLibrary(
      name: "CLibmount",
      pkgConfig: "mount",
      providers: [.apt(["libmount-dev", "pkgconf"])]
    ),
    .systemLibrary(name: "CProcessHandle"),
    // mallopt(3), for the executable's allocator settings.
    .systemLibrary(name: "CMalloc"),
    // statmount(2) and listmount(2), which Debian 12's headers and glibc predate.
    .target(name: "CStatmount"),
    .target(name: "MountAudit", dependencies: ["CLibmount", "CProcessHandle", "CStatmount"]),
    .executableTarget(name: "mountaudit", dependencies: ["MountAudit", "CMalloc"]),
    .testTarget(name: "MountAuditTests", dependencies: ["MountAudit"]),
    .testTarget(
      name: "EndToEndTests",
      dependencies: ["MountAudit", "mountaudit"]
    ),
  ],
  swiftLanguageModes: [.v6]
)
