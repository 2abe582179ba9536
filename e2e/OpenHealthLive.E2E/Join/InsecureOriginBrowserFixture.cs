using OpenHealthLive.E2E.Infrastructure;

namespace OpenHealthLive.E2E.Join;

/// <summary>
/// A browser that resolves <c>live.test</c> to loopback. <c>http://127.0.0.1</c> counts as a secure context
/// and a plain-HTTP LAN address does not; a name mapped to loopback gives the phone's view without leaving
/// the machine (traps.md, "Secure context").
/// </summary>
public sealed class InsecureOriginBrowserFixture : BrowserFixture
{
    public const string Host = "live.test";

    protected override string[] ExtraArguments => [$"--host-resolver-rules=MAP {Host} 127.0.0.1"];
}
