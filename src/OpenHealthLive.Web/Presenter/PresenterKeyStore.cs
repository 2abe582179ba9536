using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using OpenHealthLive.Core.Storage;
using OpenHealthLive.Web.Storage;

namespace OpenHealthLive.Web.Presenter;

/// <summary>
/// Holds the SHA-256 of the presenter key, never the key itself (except, on the very first start, until it
/// has been shown once). Checks keys in constant time.
/// </summary>
public sealed partial class PresenterKeyStore
{
    public const string HashFileName = DataDirectory.PresenterKeyHashFileName;

    private readonly byte[] _hash;
    private string? _generatedKey;

    public PresenterKeyStore(IOptions<PresenterOptions> options, DataDirectory dataDirectory, ILogger<PresenterKeyStore> logger)
    {
        var configured = options.Value.Key;
        if (!string.IsNullOrEmpty(configured))
        {
            _hash = Hash(configured);
            return;
        }

        HashFile = dataDirectory.Combine(HashFileName);
        if (File.Exists(HashFile))
        {
            _hash = Convert.FromHexString(File.ReadAllText(HashFile).Trim());
            return;
        }

        _generatedKey = Base64Url(RandomNumberGenerator.GetBytes(32));
        _hash = Hash(_generatedKey);
        dataDirectory.EnsurePrivate();
        PrivateFiles.WriteAllText(HashFile, Convert.ToHexStringLower(_hash));

        LogKeyGenerated(logger, HashFile);
    }

    /// <summary>The hash file, when the key was generated rather than configured.</summary>
    public string? HashFile { get; }

    /// <summary>
    /// A short, non-secret tag of the current key, stored in the sign-in cookie: when the key changes,
    /// every earlier sign-in stops working.
    /// </summary>
    public string Generation => Convert.ToHexStringLower(SHA256.HashData(_hash))[..16];

    /// <summary>True when <paramref name="key"/> is the presenter key.</summary>
    public bool Verify(string? key) =>
        !string.IsNullOrEmpty(key) && key.Length <= 512 && CryptographicOperations.FixedTimeEquals(Hash(key.Trim()), _hash);

    /// <summary>Returns the generated key once, then never again.</summary>
    internal string? TakeGeneratedKey() => Interlocked.Exchange(ref _generatedKey, null);

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [LoggerMessage(Level = LogLevel.Information, Message = "Generated a new presenter key; its hash is kept in {HashFile}")]
    private static partial void LogKeyGenerated(ILogger logger, string hashFile);
}
