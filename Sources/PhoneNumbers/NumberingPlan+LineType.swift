extension NumberingPlan {
    /// The line type of the national number `number`, or nil when it is not a valid number of
    /// this plan. Follows libphonenumber's `_number_type_helper`: the general pattern first,
    /// then the special types in order, then fixed line and mobile.
    func lineType(of number: String) -> PhoneLineType? {
        let length = number.utf8.count
        guard let general, general.matches(number, length: length) else { return nil }
        for (kind, description) in specialKinds where description.matches(number, length: length) {
            return kind.lineType
        }
        if let fixedLine, fixedLine.matches(number, length: length) {
            if fixedAndMobileAlike { return .fixedOrMobile }
            if let mobile, mobile.matches(number, length: length) { return .fixedOrMobile }
            return .fixed
        }
        if !fixedAndMobileAlike, let mobile, mobile.matches(number, length: length) {
            return .mobile
        }
        return nil
    }
}
