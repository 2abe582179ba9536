using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace OpenHealthLive.Web.Storage;

/// <summary>Loads the operator's certificate for <see cref="StorageOptions.KeyCertificatePath"/>, or stops the start saying why.</summary>
internal static class KeyCertificate
{
    public static X509Certificate2 Load(StorageOptions options, string contentRoot)
    {
        var path = Path.GetFullPath(Path.Combine(contentRoot, options.KeyCertificatePath!));
        X509Certificate2 certificate;
        try
        {
            certificate = IsPem(path) ? LoadPem(path, options, contentRoot) : X509CertificateLoader.LoadPkcs12FromFile(path, options.KeyCertificatePassword);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            throw new InvalidOperationException(
                $"Storage:KeyCertificatePath: cannot load the certificate {path} with its private key ({e.Message}). " +
                "Give a PKCS#12 file with Storage:KeyCertificatePassword, or a PEM certificate with its key (in the same file or in Storage:KeyCertificateKeyPath).", e);
        }

        using var rsa = certificate.GetRSAPrivateKey();
        if (rsa is null)
        {
            certificate.Dispose();
            throw new InvalidOperationException($"Storage:KeyCertificatePath: the certificate {path} has no RSA private key; the keys are encrypted with RSA, so give an RSA certificate with its private key.");
        }

        return certificate;
    }

    private static X509Certificate2 LoadPem(string path, StorageOptions options, string contentRoot)
    {
        var keyPath = string.IsNullOrWhiteSpace(options.KeyCertificateKeyPath) ? null : Path.GetFullPath(Path.Combine(contentRoot, options.KeyCertificateKeyPath));
        return string.IsNullOrEmpty(options.KeyCertificatePassword)
            ? X509Certificate2.CreateFromPemFile(path, keyPath)
            : X509Certificate2.CreateFromEncryptedPemFile(path, options.KeyCertificatePassword, keyPath);
    }

    /// <summary>PEM is text with a "-----BEGIN" line, maybe after openssl's "Bag Attributes"; PKCS#12 is binary DER.</summary>
    private static bool IsPem(string path)
    {
        using var file = File.OpenRead(path);
        var start = new byte[4096];
        var read = file.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
        return start.AsSpan(0, read).IndexOf("-----BEGIN "u8) >= 0;
    }
}
