using System.Net;
using System.Security.Cryptography.X509Certificates;
using OpenHealthLive.Web.Tests.Infrastructure;
using OpenHealthLive.Web.Tests.ScaleOut;
using OpenHealthLive.Web.Tests.Security;

namespace OpenHealthLive.Web.Tests.Join;

/// <summary>
/// docs/hosting.md, "One laptop": the built app started as the guide says, with a rehearsal certificate made by the
/// guide's openssl command (for 127.0.0.1 here, the laptop's LAN address there) in Kestrel's settings.
/// </summary>
public sealed class HttpsOnOneLaptopTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ohl-https-").FullName;
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("ohl-data-").FullName;

    [Theory]
    [InlineData("pem")]
    [InlineData("pfx")]
    public async Task Given_a_certificate_in_Kestrel_settings_the_laptop_serves_phones_over_https_and_its_QR_code_says_https(string format)
    {
        var certificate = Path.Combine(_folder, "ohl-cert.pem");
        var key = Path.Combine(_folder, "ohl-key.pem");
        await ServerProcess.RunAsync(
            "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "30",
            "-subj", "/CN=OpenHealthLive rehearsal", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
            "-keyout", key, "-out", certificate);
        string[] kestrel = ["--Kestrel:Certificates:Default:Path=" + certificate, "--Kestrel:Certificates:Default:KeyPath=" + key];
        if (format == "pfx")
        {
            var pfx = Path.Combine(_folder, "ohl.pfx");
            await ServerProcess.RunAsync("openssl", "pkcs12", "-export", "-in", certificate, "-inkey", key, "-out", pfx, "-passout", "pass:rehearsal");
            kestrel = ["--Kestrel:Certificates:Default:Path=" + pfx, "--Kestrel:Certificates:Default:Password=rehearsal"];
        }

        await using var app = await BuiltAppProcess.StartOnHttpsAsync(
            _folder,
            [
                .. kestrel,
                "--Storage:DataDirectory=" + _dataDirectory,
                "--Presenter:Key=" + OpenHealthLiveFactory.PresenterKey,
                "--Join:DefaultSessionCode=" + OpenHealthLiveFactory.DefaultCode,
            ]);

        // A phone that trusts this certificate, and no other.
        using var expected = X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(certificate));
        X509Certificate? served = null;
        using var http = new HttpClient(new SocketsHttpHandler
        {
            UseCookies = false,
            AllowAutoRedirect = false,
            SslOptions =
            {
                RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                {
                    served = certificate;
                    return certificate?.GetCertHashString() == expected.GetCertHashString();
                },
            },
        })
        { BaseAddress = app.BaseAddress };

        using var page = await http.GetAsync(new Uri($"j/{OpenHealthLiveFactory.DefaultCode}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(expected.GetCertHashString(), served?.GetCertHashString());
        var device = page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("ohl.device=", StringComparison.Ordinal));
        Assert.Contains("secure", device, StringComparison.OrdinalIgnoreCase);

        using var qr = await http.GetAsync(new Uri($"j/{OpenHealthLiveFactory.DefaultCode}/qr.png", UriKind.Relative));
        Assert.Equal($"HTTPS://127.0.0.1:{app.BaseAddress.Port}/J/{OpenHealthLiveFactory.DefaultCode}", QrCodeTests.Decode(await qr.Content.ReadAsByteArrayAsync()));
    }

    public void Dispose()
    {
        Directory.Delete(_folder, recursive: true);
        OpenHealthLiveFactory.DeleteDataDirectory(_dataDirectory);
    }
}
