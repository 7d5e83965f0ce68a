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
    ///
    /// The re-exec happens at most once (`CLOUDACT_MALLOC_TUNED` marks the second start, whatever the loader
    /// does with `GLIBC_TUNABLES`), and not when the binary runs setuid or with capabilities (`AT_SECURE`: glibc
    /// ignores the tunable there), nor when it was started through the dynamic loader
    /// (`ld-linux.so cloudact …`: `AT_BASE` is 0, and `/proc/self/exe` is the loader, not this program).
    public static func prepareForShortLivedCommand() {
        #if os(Linux)
        // `mallopt` and `getauxval` are looked up at run time: Swift's Glibc module does not export
        // `<malloc.h>` or `<sys/auxv.h>`.
        let process = UnsafeMutableRawPointer(bitPattern: 0)
        typealias GetAuxVal = @convention(c) (UInt) -> UInt
        let auxiliary = dlsym(process, "getauxval").map { unsafeBitCast($0, to: GetAuxVal.self) }
        let atBase: UInt = 7, atSecure: UInt = 23
        if getenv("GLIBC_TUNABLES") == nil, getenv("CLOUDACT_MALLOC_TUNED") == nil, let auxiliary,
            auxiliary(atBase) != 0, auxiliary(atSecure) == 0, transparentHugePagesAvailable
        {
            setenv("GLIBC_TUNABLES", "glibc.malloc.hugetlb=1", 1)
            setenv("CLOUDACT_MALLOC_TUNED", "1", 1)
            execv("/proc/self/exe", CommandLine.unsafeArgv)
            // Still here: the re-exec failed; carry on without huge pages, and leave the environment as it was.
            unsetenv("GLIBC_TUNABLES")
            unsetenv("CLOUDACT_MALLOC_TUNED")
        }
        typealias MallOpt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(process, "mallopt") else { return }
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
