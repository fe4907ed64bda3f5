/// The number types of libphonenumber's data, in the order it tests them; fixed line and
/// mobile come last because a number in both is "fixed or mobile".
enum NumberKind: String, CaseIterable, Sendable {
    case premiumRate, tollFree, sharedCost, voip, personalNumber, pager, uan, voicemail
    case fixedLine, mobile

    /// The line type of a number of this kind alone.
    var lineType: PhoneLineType {
        switch self {
        case .premiumRate: .premiumRate
        case .tollFree: .tollFree
        case .sharedCost: .sharedCost
        case .voip: .voip
        case .personalNumber: .personal
        case .pager: .pager
        case .uan: .uan
        case .voicemail: .voicemail
        case .fixedLine: .fixed
        case .mobile: .mobile
        }
    }
}
