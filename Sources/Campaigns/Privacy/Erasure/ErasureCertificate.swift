import Foundation

/// The written confirmation of deletion for the person (GDPR art. 17 and 12(3)): which request,
/// when it was made and confirmed and by whom, what was destroyed and what was kept and why.
/// It names no one it erased: the person's name and number are gone by the time it exists.
public struct ErasureCertificate: Sendable, Hashable {
    public enum Language: String, Sendable, CaseIterable {
        case pl, en
    }

    public let requestID: Int
    public let requestedAt: Date
    public let confirmedAt: Date
    public let confirmedBy: String
    public let report: ErasureReport

    /// The certificate of a confirmed request; nil for one that is not confirmed.
    public init?(_ entry: ErasureStore.Entry) {
        guard entry.request.status == .confirmed, let at = entry.request.decidedAt, let report = entry.report else { return nil }
        requestID = entry.request.id
        requestedAt = entry.request.requestedAt
        confirmedAt = at
        confirmedBy = entry.decidedByName ?? entry.request.decidedBy ?? ""
        self.report = report
    }

    /// `E-000012`: how the request is referred to.
    public var reference: String { "E-" + String(format: "%06d", requestID) }

    /// The title, then the paragraphs, then what was erased, then what was kept.
    public struct Text: Sendable, Hashable {
        public let title: String
        public let paragraphs: [String]
        public let erasedHeading: String
        public let erased: [String]
        public let keptHeading: String
        public let kept: [String]
    }

    public func text(_ language: Language) -> Text {
        let words = Words(language)
        let date = { (date: Date) in Self.format(date, language) }
        var erased = [words.fields]
        if report.historyEntries > 0 { erased.append(words.history(report.historyEntries)) }
        if report.recordings > 0 { erased.append(words.recordings(report.recordings)) }
        if report.consentProofs > 0 { erased.append(words.proofs(report.consentProofs)) }
        erased.append(words.hash)
        if report.doNotCallEntriesRemoved > 0 { erased.append(words.dncRemoved) }
        if report.queueEntries > 0 { erased.append(words.queues(report.queueEntries)) }
        var kept = [words.statistics(report.callsKeptAnonymous), words.log]
        if report.phoneHashKeptOnDoNotCall { kept.insert(words.dncKept, at: 0) }
        return Text(
            title: words.title,
            paragraphs: [words.request(reference, date(requestedAt)), words.confirmed(date(confirmedAt), confirmedBy), words.backups],
            erasedHeading: words.erasedHeading, erased: erased, keptHeading: words.keptHeading, kept: kept)
    }

    /// The certificate as plain text, for the command line or an e-mail.
    public func plainText(_ language: Language) -> String {
        let text = text(language)
        return ([text.title, ""] + text.paragraphs + ["", text.erasedHeading] + text.erased.map { "  - " + $0 } + ["", text.keptHeading]
            + text.kept.map { "  - " + $0 }).joined(separator: "\n") + "\n"
    }

    private static func format(_ date: Date, _ language: Language) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: language == .pl ? "pl_PL" : "en_GB")
        formatter.timeZone = TimeZone(identifier: "Europe/Warsaw")
        formatter.dateFormat = "d MMMM yyyy, HH:mm"
        return formatter.string(from: date)
    }

    /// The certificate's sentences in one language.
    private struct Words {
        let language: Language
        init(_ language: Language) { self.language = language }
        var pl: Bool { language == .pl }

        var title: String { pl ? "Potwierdzenie usunięcia danych osobowych" : "Confirmation of the erasure of personal data" }
        func request(_ reference: String, _ date: String) -> String {
            pl ? "Żądanie usunięcia danych osobowych (art. 17 RODO), sprawa \(reference), przyjęto \(date)."
                : "The request to erase personal data (GDPR art. 17), case \(reference), was received on \(date)."
        }
        func confirmed(_ date: String, _ by: String) -> String {
            pl ? "Usunięcie zostało wykonane \(date) po zatwierdzeniu przez: \(by) (drugą osobę, inną niż przyjmująca żądanie)."
                : "The erasure was carried out on \(date), confirmed by \(by) (a second person, not the one who took the request)."
        }
        var backups: String {
            pl ? "Klucz szyfrujący dane zniszczono, więc nie można ich odczytać także z kopii zapasowych; dane nie zostaną przywrócone z kopii."
                : "The key that encrypted the data was destroyed, so the data cannot be read from backups either; it will not come back from a restored backup."
        }
        var erasedHeading: String { pl ? "Usunięto:" : "Erased:" }
        var keptHeading: String { pl ? "Zachowano:" : "Kept:" }
        var fields: String { pl ? "imię, nazwisko, numer telefonu, adres e-mail i pozostałe pola kontaktu" : "first name, last name, phone number, e-mail address and the contact's other fields" }
        func history(_ count: Int) -> String { pl ? "historię zmian danych (\(count))" : "the history of changes to the data (\(count))" }
        func recordings(_ count: Int) -> String { pl ? "nagrania rozmów i ich opisy (\(count))" : "recordings of calls and their descriptions (\(count))" }
        func proofs(_ count: Int) -> String { pl ? "szczegóły dowodów zgód (\(count))" : "the details of consent proofs (\(count))" }
        var hash: String { pl ? "skrót numeru telefonu służący do wyszukiwania" : "the keyed hash of the phone number used for look-ups" }
        var dncRemoved: String { pl ? "wpis numeru na liście zastrzeżonych numerów dodany ręcznie" : "the number's entry on the do-not-call list added by hand" }
        func queues(_ count: Int) -> String { pl ? "miejsca w kolejkach kampanii (\(count))" : "places in campaigns' call queues (\(count))" }
        var dncKept: String {
            pl ? "skrót numeru telefonu na liście zastrzeżonych numerów, ponieważ sprzeciwiono się marketingowi: dzięki temu numer nie otrzyma już połączeń (art. 21 RODO)"
                : "the keyed hash of the phone number on the do-not-call list, because the person objected to marketing: so that the number is never called again (GDPR art. 21)"
        }
        func statistics(_ count: Int) -> String {
            pl ? "anonimowe statystyki połączeń bez danych osobowych (\(count))" : "anonymous statistics of calls without personal data (\(count))"
        }
        var log: String {
            pl ? "wpis w dzienniku zdarzeń o żądaniu i jego wykonaniu, bez danych osobowych" : "an entry in the activity log about the request and its execution, without personal data"
        }
    }
}
