import Hummingbird

/// Every request's context: Hummingbird's own, and who is asking once `IdentityMiddleware` has
/// looked at the request's session cookie or API token.
public struct SwitchboardContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Nil for nobody signed in.
    public var identity: Identity?
    /// The client's address as the connection shows it (a proxy's, behind one).
    public let remoteAddress: String?

    public init(source: Source) {
        self.coreContext = .init(source: source)
        self.remoteAddress = source.channel.remoteAddress?.ipAddress
    }
}
