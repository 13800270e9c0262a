/// Bytes as lowercase hex digits, two for each byte (`[0x0a, 0xff]` is `0aff`).
public func hexDigits(_ bytes: some Sequence<UInt8>) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var text: [UInt8] = []
    for b in bytes {
        text.append(digits[Int(b >> 4)])
        text.append(digits[Int(b & 0x0F)])
    }
    return String(decoding: text, as: UTF8.self)
}
