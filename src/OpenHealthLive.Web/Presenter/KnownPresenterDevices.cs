using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace OpenHealthLive.Web.Presenter;

/// <summary>
/// The "known presenter device" cookie: given at a successful sign-in, it lets <see cref="SignInThrottle"/> count that
/// device's later attempts on their own, so nobody else at its address (a venue's NAT) can use them up. It grants
/// nothing else. Its value is encrypted and signed (data protection), carries a random device id and the key
/// generation, and stops being recognised after <see cref="PresenterOptions.KnownDeviceLifetime"/> or when the key
/// changes.
/// </summary>
public sealed class KnownPresenterDevices(IDataProtectionProvider dataProtection, IOptions<PresenterOptions> options, PresenterKeyStore keys)
{
    public const string CookieName = "ohl.known-presenter";

    private readonly ITimeLimitedDataProtector _protector =
        dataProtection.CreateProtector("OpenHealthLive.Presenter.KnownDevice.v1").ToTimeLimitedDataProtector();

    /// <summary>The device id from a valid cookie of the current key, or null (no cookie, forged, too old, another key).</summary>
    public string? Read(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Cookies.TryGetValue(CookieName, out var value) || string.IsNullOrEmpty(value) || value.Length > 1024)
        {
            return null;
        }

        try
        {
            var parts = _protector.Unprotect(value).Split('|');
            return parts is [var device, var generation] && generation == keys.Generation ? device : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    /// <summary>Gives the device a cookie (keeping its id if it has one), after the right key.</summary>
    public void Remember(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var device = Read(http.Request) ?? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var lifetime = options.Value.KnownDeviceLifetime;
        http.Response.Cookies.Append(CookieName, _protector.Protect($"{device}|{keys.Generation}", lifetime), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = http.Request.IsHttps,
            Path = "/presenter/sign-in",
            MaxAge = lifetime,
            IsEssential = true,
        });
    }
}
