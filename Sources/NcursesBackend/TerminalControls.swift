import CNcurses
#if canImport(Glibc)
import Glibc
#endif

/// What the explorer writes to the terminal besides its frames, between them: the
/// window title and the clipboard. Both texts come sanitized from the core.
extension Terminal {
    /// Sets the terminal's title where terminfo says it has one: xterm's title (the
    /// `XT` flag; its own title is pushed first and popped on leaving), or a status
    /// line (`tsl`, `fsl`, as tmux's and screen's entries give).
    func setTitle(_ title: String) {
        if tigetflag("XT") > 0 {
            if !titlePushed { Self.writeRaw("\u{1B}[22;2t") }
            titlePushed = true
            Self.writeRaw("\u{1B}]2;" + title + "\u{07}")
        } else if let to = Self.capability("tsl"), let from = Self.capability("fsl") {
            Self.writeRaw(to + title + from)
        }
    }

    /// Puts the terminal's own title back (on leaving).
    func restoreTitle() {
        if titlePushed { Self.writeRaw("\u{1B}[23;2t") }
        titlePushed = false
    }

    /// Puts text on the clipboard with OSC 52, which terminals over SSH take too;
    /// tmux passes it on with `set-clipboard on` (and keeps it as a paste buffer).
    func copy(_ text: String) {
        Self.writeRaw("\u{1B}]52;c;" + Base64.encode(Array(text.utf8)) + "\u{07}")
    }

    static func capability(_ name: String) -> String? {
        guard let value = tigetstr(name), value != UnsafeMutablePointer(bitPattern: -1) else { return nil }
        return String(cString: value)
    }

    /// Writes bytes as they are, whole.
    static func writeRaw(_ s: String) {
        var text = s
        text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = write(1, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return }
                offset += n
            }
        }
    }
}

/// Standard base64 (RFC 4648, with padding), for OSC 52: a few lines rather than
/// Foundation, which the backend does not otherwise need.
enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var i = 0
        while i < bytes.count {
            let b0 = UInt32(bytes[i]), b1 = i + 1 < bytes.count ? UInt32(bytes[i + 1]) : 0, b2 = i + 2 < bytes.count ? UInt32(bytes[i + 2]) : 0
            let n = b0 << 16 | b1 << 8 | b2
            out.append(alphabet[Int(n >> 18 & 63)])
            out.append(alphabet[Int(n >> 12 & 63)])
            out.append(i + 1 < bytes.count ? alphabet[Int(n >> 6 & 63)] : UInt8(ascii: "="))
            out.append(i + 2 < bytes.count ? alphabet[Int(n & 63)] : UInt8(ascii: "="))
            i += 3
        }
        return String(decoding: out, as: UTF8.self)
    }
}
