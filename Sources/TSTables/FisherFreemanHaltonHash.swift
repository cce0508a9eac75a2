/// Flat open-addressing hash from a pair of integers to a dense index (insertion order), used by the
/// Fisher–Freeman–Halton network to merge (node, past-value bin) pairs and to memoize max-completion
/// bounds. Linear probing, SplitMix64 finaliser as the mixer (Steele, Lea & Flood 2014). Insertion
/// order is kept by the caller's arrays, so iteration never depends on hashing (bit-for-bit determinism).
struct FFHIndexTable {
    private struct Slot { var k1: Int; var k2: Int; var index: Int }   // index −1: empty
    private var slots: [Slot]
    private var mask: Int
    private var used: [Int] = []   // occupied slot positions, for a clear in O(count)
    private(set) var count = 0

    init(expected: Int = 512) {
        var cap = 16
        while cap < expected * 2 { cap <<= 1 }
        slots = [Slot](repeating: Slot(k1: 0, k2: 0, index: -1), count: cap)
        mask = cap - 1
    }

    @inline(__always) static func mix(_ a: Int, _ b: Int) -> Int {
        var z = (UInt64(bitPattern: Int64(a)) &* 0x9E37_79B9_7F4A_7C15) ^ UInt64(bitPattern: Int64(b))
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int(truncatingIfNeeded: z ^ (z >> 31))
    }

    /// Index of (a, b) if present.
    func find(_ a: Int, _ b: Int) -> Int? {
        var i = Self.mix(a, b) & mask
        while true {
            let s = slots[i]
            if s.index < 0 { return nil }
            if s.k1 == a && s.k2 == b { return s.index }
            i = (i + 1) & mask
        }
    }

    /// Index of (a, b), inserting it with index `count` when absent; `inserted` tells which.
    @inline(__always) mutating func insert(_ a: Int, _ b: Int) -> (index: Int, inserted: Bool) {
        var i = Self.mix(a, b) & mask
        while true {
            let s = slots[i]
            if s.index < 0 { break }
            if s.k1 == a && s.k2 == b { return (s.index, false) }
            i = (i + 1) & mask
        }
        slots[i] = Slot(k1: a, k2: b, index: count)
        used.append(i)
        count += 1
        if count * 2 > slots.count { grow() }
        return (count - 1, true)
    }

    /// Empties the table, keeping its capacity.
    mutating func clear() {
        for i in used { slots[i].index = -1 }
        used.removeAll(keepingCapacity: true)
        count = 0
    }

    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(k1: 0, k2: 0, index: -1), count: old.count * 2)
        mask = slots.count - 1
        used.removeAll(keepingCapacity: true)
        for s in old where s.index >= 0 {
            var i = Self.mix(s.k1, s.k2) & mask
            while slots[i].index >= 0 { i = (i + 1) & mask }
            slots[i] = s
            used.append(i)
        }
    }
}

/// The merged past entries of one network node: distinct past log-values (1e-9 bins, first value kept)
/// with their summed masses, in one open-addressing table whose slots carry the value and mass themselves
/// (one cache line touched per path extension); iteration in insertion order (deterministic).
struct FFHNodePast {
    private struct Slot { var bin: Int; var a: Double; var m: Double }   // m == 0: empty (masses are ≥ 1)
    private var slots = [Slot](repeating: Slot(bin: 0, a: 0, m: 0), count: 8)
    private var mask = 7
    private var order: [Int32] = []   // occupied slots in insertion order

    var count: Int { order.count }
    /// Past values and masses in insertion order.
    var a: [Double] { order.map { slots[Int($0)].a } }
    var m: [Double] { order.map { slots[Int($0)].m } }

    /// Adds a path with past value v and mass w (relative to e^v); merging corrects the mass to the kept value.
    @inline(__always) mutating func add(_ v: Double, _ w: Double) {
        let bin = FisherFreemanHalton.pastBin(v)
        var i = FFHIndexTable.mix(bin, 0) & mask
        while true {
            let old = slots[i].m
            if old == 0 { break }
            if slots[i].bin == bin { slots[i].m = old + w * FisherFreemanHalton.expSmall(v - slots[i].a); return }
            i = (i + 1) & mask
        }
        slots[i] = Slot(bin: bin, a: v, m: w)
        order.append(Int32(i))
        if order.count * 2 > slots.count { grow() }
    }

    private mutating func grow() {
        let old = slots, oldOrder = order
        slots = [Slot](repeating: Slot(bin: 0, a: 0, m: 0), count: old.count * 2)
        mask = slots.count - 1
        order.removeAll(keepingCapacity: true)
        for p in oldOrder {
            let s = old[Int(p)]
            var i = FFHIndexTable.mix(s.bin, 0) & mask
            while slots[i].m != 0 { i = (i + 1) & mask }
            slots[i] = s
            order.append(Int32(i))
        }
    }
}
