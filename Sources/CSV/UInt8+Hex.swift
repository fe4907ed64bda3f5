extension UInt8 {
    /// `0x1A`: how error messages show a byte.
    var hex: String {
        let digits = String(self, radix: 16, uppercase: true)
        return "0x" + (digits.count == 1 ? "0" + digits : digits)
    }
}
