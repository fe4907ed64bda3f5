/// Synthetic Polish people for demonstrations and benchmarks: common first names and
/// surnames (with their feminine forms), and numbers from real Polish mobile and fixed ranges.
struct DemoPeople: Sendable {
    struct Person: Sendable, Hashable {
        public let firstName: String
        public let lastName: String
        /// The number as a person might have typed it, to be repaired on import.
        public let phone: String
        public let email: String
    }

    private var state: UInt64

    init(seed: UInt64) {
        state = seed &+ 0x2545_F491_4F6C_DD1D
    }

    /// The next person; the sequence depends only on the seed.
    mutating func next() -> Person {
        let female = draw(2) == 0
        let first = female ? Self.femaleNames[draw(Self.femaleNames.count)] : Self.maleNames[draw(Self.maleNames.count)]
        let (masculine, feminine) = Self.surnames[draw(Self.surnames.count)]
        let last = female ? feminine : masculine
        return Person(firstName: first, lastName: last, phone: phone(), email: email(first, last))
    }

    /// A number in a real range: mostly mobile, some Warsaw, Kraków, Poznań, Gdańsk lines.
    private mutating func phone() -> String {
        let prefix = draw(10) < 8 ? Self.mobilePrefixes[draw(Self.mobilePrefixes.count)] : Self.fixedPrefixes[draw(Self.fixedPrefixes.count)]
        var digits = prefix
        while digits.count < 9 { digits += String(draw(10)) }
        let a = digits.prefix(3), b = digits.dropFirst(3).prefix(3), c = digits.suffix(3)
        switch draw(6) {
        case 0: return "+48 \(a) \(b) \(c)"
        case 1: return "\(a)-\(b)-\(c)"
        case 2: return "0048\(digits)"
        case 3: return "48\(digits)"
        case 4: return "(\(digits.prefix(2))) \(digits.dropFirst(2).prefix(3)) \(digits.dropFirst(5).prefix(2)) \(digits.suffix(2))"
        default: return digits
        }
    }

    private mutating func email(_ first: String, _ last: String) -> String {
        let plain = (first + "." + last).lowercased().map { Self.ascii[$0] ?? String($0) }.joined()
        return "\(plain)\(draw(100))@example.pl"
    }

    private mutating func draw(_ bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(bound))
    }

    static let mobilePrefixes = ["501", "502", "505", "509", "511", "512", "530", "531", "535", "570", "600", "601", "602", "604",
                                 "605", "660", "661", "662", "664", "690", "691", "692", "694", "695", "720", "721", "723", "724",
                                 "725", "730", "731", "733", "781", "782", "784", "790", "791", "793", "880", "881", "882", "883"]
    static let fixedPrefixes = ["22", "12", "61", "58", "71", "42"]

    static let maleNames = ["Jan", "Piotr", "Krzysztof", "Andrzej", "Tomasz", "Paweł", "Michał", "Marcin", "Łukasz", "Grzegorz",
                            "Jakub", "Adam", "Mateusz", "Wojciech", "Mariusz", "Dariusz", "Zbigniew", "Jerzy", "Maciej", "Rafał",
                            "Sławomir", "Bartłomiej", "Józef", "Stanisław", "Kamil", "Szymon", "Przemysław", "Wiesław"]
    static let femaleNames = ["Anna", "Maria", "Katarzyna", "Małgorzata", "Agnieszka", "Barbara", "Ewa", "Krystyna", "Elżbieta",
                              "Magdalena", "Joanna", "Zofia", "Monika", "Danuta", "Teresa", "Natalia", "Aleksandra", "Beata",
                              "Dorota", "Jadwiga", "Urszula", "Halina", "Grażyna", "Bożena", "Łucja", "Żaneta", "Iwona", "Weronika"]
    static let surnames = [("Nowak", "Nowak"), ("Kowalski", "Kowalska"), ("Wiśniewski", "Wiśniewska"), ("Wójcik", "Wójcik"),
                           ("Kowalczyk", "Kowalczyk"), ("Kamiński", "Kamińska"), ("Lewandowski", "Lewandowska"),
                           ("Zieliński", "Zielińska"), ("Szymański", "Szymańska"), ("Woźniak", "Woźniak"),
                           ("Dąbrowski", "Dąbrowska"), ("Kozłowski", "Kozłowska"), ("Jankowski", "Jankowska"),
                           ("Mazur", "Mazur"), ("Kwiatkowski", "Kwiatkowska"), ("Krawczyk", "Krawczyk"), ("Piotrowski", "Piotrowska"),
                           ("Grabowski", "Grabowska"), ("Nowakowski", "Nowakowska"), ("Pawłowski", "Pawłowska"),
                           ("Michalski", "Michalska"), ("Król", "Król"), ("Wieczorek", "Wieczorek"), ("Jabłoński", "Jabłońska"),
                           ("Wróbel", "Wróbel"), ("Majewski", "Majewska"), ("Olszewski", "Olszewska"), ("Stępień", "Stępień"),
                           ("Żółć", "Żółć"), ("Źdźbło", "Źdźbło"), ("Gęśla", "Gęśla"), ("Łęcki", "Łęcka")]
    static let ascii: [Character: String] = ["ą": "a", "ć": "c", "ę": "e", "ł": "l", "ń": "n", "ó": "o", "ś": "s", "ź": "z", "ż": "z"]
}
