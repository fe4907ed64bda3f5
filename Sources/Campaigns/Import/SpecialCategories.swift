/// Column names that suggest special categories of personal data (GDPR art. 9: health,
/// religion, political opinions, ethnic origin, sex life, genetic and biometric data,
/// trade-union membership; art. 10: criminal convictions). A telemarketing list has no
/// business holding them; an import refuses such a column unless it is mapped as ignored.
enum SpecialCategories {
    static let stems: [(stem: String, category: String)] = [
        ("zdrow", "health"), ("chorob", "health"), ("diagnoz", "health"), ("niepelnospraw", "health"), ("health", "health"),
        ("medical", "health"), ("diagnos", "health"), ("disease", "health"), ("disabilit", "health"),
        ("religi", "religious beliefs"), ("wyznani", "religious beliefs"), ("faith", "religious beliefs"),
        ("polityczn", "political opinions"), ("poglad", "political opinions"), ("partia", "political opinions"),
        ("politic", "political opinions"),
        ("etniczn", "ethnic origin"), ("rasa", "racial origin"), ("rasow", "racial origin"), ("ethnic", "ethnic origin"),
        ("race", "racial origin"), ("racial", "racial origin"),
        ("seksual", "sex life or orientation"), ("orientacj", "sex life or orientation"), ("sexual", "sex life or orientation"),
        ("genetyczn", "genetic data"), ("genetic", "genetic data"), ("biometr", "biometric data"),
        ("zwiazekzawodow", "trade-union membership"), ("zwiazkizawodow", "trade-union membership"),
        ("tradeunion", "trade-union membership"),
        ("karaln", "criminal convictions (art. 10)"), ("wyrok", "criminal convictions (art. 10)"),
        ("skazan", "criminal convictions (art. 10)"), ("kryminal", "criminal convictions (art. 10)"),
        ("przestepst", "criminal convictions (art. 10)"), ("criminal", "criminal convictions (art. 10)"),
        ("conviction", "criminal convictions (art. 10)"), ("offence", "criminal convictions (art. 10)"),
    ]

    /// The category a column name suggests, if any.
    static func category(ofColumn name: String) -> String? {
        let key = name.headerKey
        return stems.first { key.contains($0.stem) }?.category
    }
}
