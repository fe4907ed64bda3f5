import Campaigns

/// The links at the top of every page, by the roles the member holds.
enum Navigation {
    struct Item {
        let href: String
        /// A key of the pages' words.
        let label: String
        var current = false
    }

    static let administrator: [Item] = [
        Item(href: "/admin/campaigns", label: "nav.campaigns"),
        Item(href: "/admin/import", label: "nav.import"),
        Item(href: "/admin/scripts", label: "nav.scripts"),
        Item(href: "/admin/consents", label: "nav.consents"),
        Item(href: "/admin/sources", label: "nav.sources"),
        Item(href: "/admin/dnc", label: "nav.dnc"),
        Item(href: "/admin/staff", label: "nav.staff"),
        Item(href: "/admin/activity", label: "nav.activity"),
    ]

    static let supervisor: [Item] = [
        Item(href: "/supervisor", label: "nav.dashboard"),
        Item(href: "/supervisor/reports", label: "nav.reports"),
        Item(href: "/supervisor/recordings", label: "nav.recordings"),
    ]

    static let agent: [Item] = [
        Item(href: "/agent", label: "nav.calls")
    ]

    /// The member's links, the one for the page at `path` marked current.
    static func items(for member: StaffMember, at path: String) -> [Item] {
        var items: [Item] = []
        if member.holds(.supervisor) { items += supervisor }
        if member.holds(.agent) { items += agent }
        if member.holds(.administrator) { items += administrator }
        let current = items.filter { path == $0.href || path.hasPrefix($0.href + "/") }.max { $0.href.count < $1.href.count }
        return items.map { item in
            var item = item
            item.current = item.href == current?.href
            return item
        }
    }

    /// Where a member lands after signing in: the first page their roles give.
    static func home(for member: StaffMember) -> String {
        items(for: member, at: "").first?.href ?? "/password"
    }
}
