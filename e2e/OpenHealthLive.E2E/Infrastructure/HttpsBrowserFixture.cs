namespace OpenHealthLive.E2E.Infrastructure;

/// <summary>
/// A browser for the HTTPS tests: <see cref="TestCertificate.Host"/> resolves to loopback, and the test certificate
/// is trusted by its public key (<c>--ignore-certificate-errors-spki-list</c>). Unlike ignoring certificate errors on
/// a context, this makes its pages a secure context with no certificate error, so service workers register as they
/// do on a phone that trusts the site's certificate.
/// </summary>
public sealed class HttpsBrowserFixture : BrowserFixture
{
    protected override string[] ExtraArguments =>
    [
        $"--host-resolver-rules=MAP {TestCertificate.Host} 127.0.0.1",
        $"--ignore-certificate-errors-spki-list={TestCertificate.SpkiSha256}",
    ];
}
