import Foundation

/// Process-level settings for a short-lived command (the CLI), not for a long-running server.
public enum ProcessTuning {
    /// A command is short-lived and allocates a lot at once (a large project's trees, plans and SQL). By
    /// default glibc grows each thread's heap a page range at a time (an `mprotect` call each, thousands per
    /// compile), returns freed memory as soon as it can, and backs the heap with 4 KiB pages, each a fault on
    /// first use (about 13,000 faults, a sixth of a 1,000-pipeline compile on a virtual machine). So: grow in
    /// 64 MiB steps, keep what was freed, and let malloc ask for transparent huge pages
    /// (`glibc.malloc.hugetlb=1`: a tunable glibc reads only at start-up, hence one re-exec of the binary with it
    /// set; a `GLIBC_TUNABLES` the user set is left alone, and so is a system without transparent huge pages).
    /// Call it first thing in `main`: the re-exec starts the process over.
    public static func prepareForShortLivedCommand() {
        #if os(Linux)
        if getenv("GLIBC_TUNABLES") == nil, transparentHugePagesAvailable {
            setenv("GLIBC_TUNABLES", "glibc.malloc.hugetlb=1", 1)
            execv("/proc/self/exe", CommandLine.unsafeArgv)
            // Still here: the re-exec failed; carry on without huge pages.
        }
        // `mallopt` is looked up at run time: Swift's Glibc module does not export `<malloc.h>`.
        typealias MallOpt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: MallOpt.self)
        let trimThreshold: Int32 = -1, topPad: Int32 = -2  // M_TRIM_THRESHOLD, M_TOP_PAD
        _ = mallopt(topPad, 64 << 20)
        _ = mallopt(trimThreshold, 512 << 20)
        #endif
    }

    /// True if the kernel gives transparent huge pages to memory that asks for them (`always` or `madvise`).
    static var transparentHugePagesAvailable: Bool {
        guard let setting = try? String(contentsOfFile: "/sys/kernel/mm/transparent_hugepage/enabled", encoding: .utf8)
        else { return false }
        return setting.contains("[always]") || setting.contains("[madvise]")
    }
}
