import Foundation

/// A page that plays an audio file in an `<audio>` element and writes into its own body how
/// long the browser found the audio to be, or the browser's media error.
public enum RecordingPlaybackPage {
    public static func html(src: String) -> String {
        """
        <!doctype html><html><body><audio id="a" src="\(src)" preload="metadata"></audio><script>
        const a = document.getElementById('a');
        a.addEventListener('loadedmetadata', () => { document.body.dataset.duration = a.duration; });
        a.addEventListener('error', () => { document.body.dataset.error = String(a.error && a.error.code); });
        </script></body></html>
        """
    }

    /// The duration in seconds the page wrote, from the DOM the browser dumped.
    public static func duration(in dom: String) -> Double? {
        guard let start = dom.range(of: "data-duration=\"")?.upperBound, let end = dom[start...].firstIndex(of: "\"") else { return nil }
        return Double(dom[start..<end])
    }
}
