using System.ComponentModel.DataAnnotations;

namespace OpenHealthLive.Web.Storage;

/// <summary>Where the app keeps its data (section <c>Storage</c>).</summary>
public sealed class StorageOptions : IValidatableObject
{
    public const string SectionName = "Storage";

    /// <summary><c>Sqlite</c> (default: a file, nothing to install) or <c>Postgres</c> (several nodes sharing one database).</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>The PostgreSQL connection string, e.g. <c>Host=db;Database=openhealthlive;Username=ohl;Password=…</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// Folder for the SQLite database and the presenter-key hash; created on first run. A relative path is
    /// relative to the content root.
    /// </summary>
    [Required]
    public string DataDirectory { get; set; } = "App_Data";

    /// <summary>
    /// Optional: a certificate whose RSA key encrypts the cookie keys (data protection) where they are stored. A
    /// PKCS#12 file (<c>.pfx</c>/<c>.p12</c>, with <see cref="KeyCertificatePassword"/>) or a PEM certificate, its
    /// private key in the same file or in <see cref="KeyCertificateKeyPath"/>. Relative to the content root.
    /// </summary>
    public string? KeyCertificatePath { get; set; }

    /// <summary>The password of the PKCS#12 file, or of an encrypted PEM private key.</summary>
    public string? KeyCertificatePassword { get; set; }

    /// <summary>The PEM private key of a PEM <see cref="KeyCertificatePath"/>, when it is not in the certificate's file.</summary>
    public string? KeyCertificateKeyPath { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(KeyCertificatePath) && !string.IsNullOrWhiteSpace(KeyCertificateKeyPath))
        {
            yield return new ValidationResult("Storage:KeyCertificateKeyPath is set but Storage:KeyCertificatePath is not: set the certificate too.", [nameof(KeyCertificatePath)]);
        }

        if (Provider == StorageProvider.Postgres && string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult("Storage:Provider is Postgres but Storage:ConnectionString is empty.", [nameof(ConnectionString)]);
        }
    }
}

/// <summary>The database engines the app can use.</summary>
public enum StorageProvider
{
    /// <summary>SQLite, in the data directory.</summary>
    Sqlite,

    /// <summary>PostgreSQL, at <see cref="StorageOptions.ConnectionString"/>.</summary>
    Postgres,
}
