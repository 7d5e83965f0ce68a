/// SHA-256 (FIPS 180-4), for the content hash every artifact carries. The compiler depends on nothing but the
/// toolchain, so it carries this small implementation instead of a crypto package.
enum SHA256 {
    static let k: [UInt32] = [
        0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
        0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
        0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
        0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
        0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
        0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
        0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
        0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
    ]

    /// The hex digest of `text`'s UTF-8 bytes.
    static func hex(_ text: String) -> String {
        var text = text
        let words = text.withUTF8 { digestWords(UnsafeRawBufferPointer($0)) }
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var out = [UInt8](repeating: 0, count: 64)
        for (index, word) in words.enumerated() {
            for nibble in 0..<8 {
                out[index * 8 + nibble] = digits[Int((word >> UInt32(28 - nibble * 4)) & 0xF)]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The digest of `message` as bytes.
    static func digest(_ message: [UInt8]) -> [UInt8] {
        let words = message.withUnsafeBytes { digestWords($0) }
        return words.flatMap { word in (0..<4).map { UInt8(truncatingIfNeeded: word >> UInt32(24 - $0 * 8)) } }
    }

    /// The eight words of the digest. Full blocks are read straight from `message`; only the last one or two
    /// (with the padding and the length) are copied.
    static func digestWords(_ message: UnsafeRawBufferPointer) -> [UInt32] {
        var h: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) = (
            0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19
        )
        k.withUnsafeBufferPointer { k in
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
                let fullBlocks = message.count / 64
                for block in 0..<fullBlocks {
                    compress(UnsafeRawBufferPointer(rebasing: message[(block * 64)..<(block * 64 + 64)]), &h, k, w)
                }
                // The tail, 0x80, zeros, and the bit length: one block, or two if the tail leaves no room.
                let tail = message.count - fullBlocks * 64
                withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 128) { last in
                    last.initialize(repeating: 0)
                    for index in 0..<tail { last[index] = message[fullBlocks * 64 + index] }
                    last[tail] = 0x80
                    let length = tail < 56 ? 64 : 128
                    let bitLength = UInt64(message.count) &* 8
                    for index in 0..<8 { last[length - 1 - index] = UInt8(truncatingIfNeeded: bitLength >> UInt64(index * 8)) }
                    let bytes = UnsafeRawBufferPointer(last)
                    compress(UnsafeRawBufferPointer(rebasing: bytes[0..<64]), &h, k, w)
                    if length == 128 { compress(UnsafeRawBufferPointer(rebasing: bytes[64..<128]), &h, k, w) }
                }
            }
        }
        return [h.0, h.1, h.2, h.3, h.4, h.5, h.6, h.7]
    }

    /// One 64-byte block: the 64-word message schedule first, then the rounds, eight at a time with the
    /// working variables renamed instead of shifted.
    @inline(__always)
    static func compress(
        _ chunk: UnsafeRawBufferPointer, _ h: inout (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32),
        _ k: UnsafeBufferPointer<UInt32>, _ w: UnsafeMutableBufferPointer<UInt32>
    ) {
        let k = k.baseAddress.unsafelyUnwrapped
        let w = w.baseAddress.unsafelyUnwrapped
        for i in 0..<16 {
            w[i] = chunk.loadUnaligned(fromByteOffset: i * 4, as: UInt32.self).bigEndian
        }
        for i in 16..<64 {
            let w15 = w[i - 15], w2 = w[i - 2]
            let s0 = rotate(w15, 7) ^ rotate(w15, 18) ^ (w15 &>> 3)
            let s1 = rotate(w2, 17) ^ rotate(w2, 19) ^ (w2 &>> 10)
            w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
        }
        var (a, b, c, d, e, f, g, hh) = h
        @inline(__always) func round(
            _ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32, _ e: UInt32, _ f: UInt32, _ g: UInt32,
            _ h: inout UInt32, _ i: Int
        ) {
            let t1 = h &+ (rotate(e, 6) ^ rotate(e, 11) ^ rotate(e, 25)) &+ (g ^ (e & (f ^ g))) &+ k[i] &+ w[i]
            let t2 = (rotate(a, 2) ^ rotate(a, 13) ^ rotate(a, 22)) &+ ((a & b) | (c & (a | b)))
            d = d &+ t1
            h = t1 &+ t2
        }
        var i = 0
        while i < 64 {
            round(a, b, c, &d, e, f, g, &hh, i)
            round(hh, a, b, &c, d, e, f, &g, i + 1)
            round(g, hh, a, &b, c, d, e, &f, i + 2)
            round(f, g, hh, &a, b, c, d, &e, i + 3)
            round(e, f, g, &hh, a, b, c, &d, i + 4)
            round(d, e, f, &g, hh, a, b, &c, i + 5)
            round(c, d, e, &f, g, hh, a, &b, i + 6)
            round(b, c, d, &e, f, g, hh, &a, i + 7)
            i += 8
        }
        h.0 &+= a; h.1 &+= b; h.2 &+= c; h.3 &+= d
        h.4 &+= e; h.5 &+= f; h.6 &+= g; h.7 &+= hh
    }

    @inline(__always)
    static func rotate(_ x: UInt32, _ n: UInt32) -> UInt32 { (x &>> n) | (x &<< (32 &- n)) }
}
