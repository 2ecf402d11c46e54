/// glibc's malloc serves blocks above its mmap threshold with a mapping of their own,
/// returned to the system when freed, but it raises that threshold (up to 32 MB) each
/// time such a block is freed. A load that builds and drops many column arrays of a few
/// megabytes then leaves them in the heap, where freed space is rarely returned: at a
/// million deals that held 130 MB more after loading, and 70 MB more at the peak. A
/// fixed threshold keeps every large array in a mapping of its own.
enum MallocPolicy {
    #if os(Linux) && canImport(Glibc)
    @_silgen_name("mallopt")
    private static func mallopt(_ parameter: Int32, _ value: Int32) -> Int32
    private static let mmapThreshold: Int32 = -3  // M_MMAP_THRESHOLD in <malloc.h>
    #endif

    /// Applies the policy (once; later calls do nothing).
    static func apply() { _ = applied }

    private static let applied: Bool = {
        #if os(Linux) && canImport(Glibc)
        return mallopt(mmapThreshold, 256 * 1024) == 1
        #else
        return false
        #endif
    }()
}
