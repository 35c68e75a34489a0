import Testing

/// The typed configurations of the ten TikTok scripts, their fan-out, and their helpers
/// (spintax, user names, post URLs): `swift test --filter TikTokConfigTests`.
@Suite struct TikTokConfigTests {}
