using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace OpenHealthLive.Web.Devices;

/// <summary>
/// Tells phones apart without personal data: a random 128-bit token in a signed, encrypted HttpOnly cookie.
/// The token never leaves this server towards other clients, and only its hash is stored (with a question or
/// a vote), so a stored row cannot be traced back to a cookie. IP addresses are never stored.
/// </summary>
public sealed class DeviceIdentity(IDataProtectionProvider dataProtection, TimeProvider time)
{
    public const string CookieName = "ohl.device";

    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);
    private readonly IDataProtector _protector = dataProtection.CreateProtector("OpenHealthLive.Device.v1");

    /// <summary>The device hash of this request's cookie, issuing a cookie first when there is none.</summary>
    public string EnsureDevice(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (TryRead(http) is { } existing)
        {
            return existing;
        }

        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        http.Response.Cookies.Append(CookieName, _protector.Protect(token), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = http.Request.IsHttps,
            IsEssential = true,
            Path = "/",
            Expires = time.GetUtcNow().Add(Lifetime),
        });
        var hash = Hash(token);
        http.Items[CookieName] = hash;
        return hash;
    }

    /// <summary>The device hash of this request's cookie, or null when it has none (or a forged one).</summary>
    public string? TryRead(HttpContext? http)
    {
        if (http is null)
        {
            return null;
        }

        if (http.Items.TryGetValue(CookieName, out var cached) && cached is string known)
        {
            return known;
        }

        if (!http.Request.Cookies.TryGetValue(CookieName, out var protectedToken) || protectedToken.Length > 512)
        {
            return null;
        }

        try
        {
            var hash = Hash(_protector.Unprotect(protectedToken));
            http.Items[CookieName] = hash;
            return hash;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    /// <summary>
    /// Clears the device cookie ("Forget me on this phone"): the phone's next visit gets a new random token, which
    /// nothing stored refers to.
    /// </summary>
    public void Forget(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Response.Cookies.Delete(CookieName, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps, Path = "/" });
        http.Items.Remove(CookieName);
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)))[..32];
}
