using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace OpenHealthLive.E2E.Infrastructure;

/// <summary>
/// A self-signed certificate made by the test run, for <c>live.test</c> (a name the test browser maps to loopback),
/// <c>localhost</c> and <c>127.0.0.1</c>. The browser trusts it by its public key
/// (<see cref="HttpsBrowserFixture"/>), so pages served with it are a real secure context, as on a phone that trusts
/// a real certificate; no certificate store of the machine is touched.
/// </summary>
public static class TestCertificate
{
    /// <summary>The host name phones use in the HTTPS tests.</summary>
    public const string Host = "live.test";

    private static readonly Lazy<X509Certificate2> s_certificate = new(Create);

    /// <summary>The certificate with its private key, for Kestrel.</summary>
    public static X509Certificate2 Certificate => s_certificate.Value;

    /// <summary>Base64 of the SHA-256 of the certificate's SubjectPublicKeyInfo: what Chromium's SPKI allow-list takes.</summary>
    public static string SpkiSha256 => Convert.ToBase64String(SHA256.HashData(Certificate.PublicKey.ExportSubjectPublicKeyInfo()));

    /// <summary>Writes the certificate and its key as PEM files into <paramref name="folder"/> (for a proxy in front of the app).</summary>
    public static (string CertificatePath, string KeyPath) WritePem(string folder)
    {
        var certificatePath = Path.Combine(folder, "cert.pem");
        var keyPath = Path.Combine(folder, "key.pem");
        File.WriteAllText(certificatePath, Certificate.ExportCertificatePem());
        using var key = Certificate.GetECDsaPrivateKey() ?? throw new InvalidOperationException("The test certificate has no private key.");
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        return (certificatePath, keyPath);
    }

    /// <summary>True when <paramref name="certificate"/> is this run's certificate (for .NET clients that talk to the servers).</summary>
    public static bool IsThisCertificate(X509Certificate? certificate) =>
        certificate is not null && string.Equals(certificate.GetCertHashString(), Certificate.GetCertHashString(), StringComparison.OrdinalIgnoreCase);

    private static X509Certificate2 Create()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={Host}", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(Host);
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var now = DateTimeOffset.UtcNow;
        using var created = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(7));
        // Through PKCS#12 so that the certificate owns its key after `key` is disposed.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), null);
    }
}
