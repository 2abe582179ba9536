using Microsoft.Extensions.Logging;
using OpenHealthLive.Web.Tests.Infrastructure;

namespace OpenHealthLive.Web.Tests.Security;

/// <summary>
/// A first start as the README gives it (no key certificate) reads as healthy: ASP.NET Core's "No XML encryptor
/// configured" warning, which reads like a fault, is replaced by one plain line saying where the cookie keys are kept
/// and how to encrypt them (docs/security.md, "The cookie keys").
/// </summary>
public sealed class CookieKeysNoticeTests : IDisposable
{
    private const string KeyManager = "Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager";
    private readonly OpenHealthLiveFactory _factory = new();

    [Fact]
    public async Task A_first_start_without_a_key_certificate_explains_where_the_cookie_keys_are_instead_of_warning()
    {
        using var client = _factory.CreatePlainClient();
        using var page = await client.GetAsync("/j/" + OpenHealthLiveFactory.DefaultCode);
        Assert.True(page.IsSuccessStatusCode);

        Assert.DoesNotContain(_factory.Logs, l => l.Level >= LogLevel.Warning && l.Category == KeyManager);
        var notice = Assert.Single(_factory.Logs, l => l.Message.Contains("Cookie keys are kept in the database", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Information, notice.Level);
        Assert.Contains("Storage:KeyCertificatePath", notice.Message, StringComparison.Ordinal);
        Assert.Contains("docs/security.md", notice.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _factory.Dispose();
}
