using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using OpenHealthLive.Core.Storage;
using OpenHealthLive.Core.Storage.Postgres;

namespace OpenHealthLive.Web.Storage;

internal static class StorageSetup
{
    public static WebApplicationBuilder AddStorage(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<DataDirectory>();

        // The provider is read here, once, from configuration: it decides which services exist.
        var options = builder.Configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        if (options.Provider == StorageProvider.Postgres)
        {
            builder.Services.AddSingleton<PostgresPoolReset>();
            builder.Services.AddDbContextFactory<PostgresLiveDbContext>((services, db) =>
                db.UseNpgsql(services.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString)
                    .AddInterceptors(services.GetServices<IInterceptor>())
                    .AddInterceptors(services.GetRequiredService<PostgresPoolReset>()));
            builder.Services.AddSingleton<IDbContextFactory<LiveDbContext>, PostgresContextFactory>();
        }
        else
        {
            builder.Services.AddDbContextFactory<LiveDbContext>((services, db) =>
                db.UseSqliteStorage(services.GetRequiredService<DataDirectory>().Path)
                    // Interceptors registered in DI join in (the tests use one to make the database refuse writes).
                    .AddInterceptors(services.GetServices<IInterceptor>()));
        }

        builder.Services.AddHostedService<DatabaseMigrator>();

        // Cookie keys live in the database: they survive restarts and every node of a cluster shares them.
        var dataProtection = builder.Services.AddDataProtection().SetApplicationName("OpenHealthLive");
        if (!string.IsNullOrWhiteSpace(options.KeyCertificatePath))
        {
            // Encrypted where they are stored (docs/security.md, "Data at rest"); read back with the same certificate.
            var certificate = KeyCertificate.Load(options, builder.Environment.ContentRootPath);
            dataProtection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }
        else
        {
            // Keys kept as plain XML are the documented default (docs/security.md, "The cookie keys"): instead of
            // ASP.NET Core's "No XML encryptor configured" warning, which reads like a fault on every first start,
            // DatabaseMigrator says once, plainly, where they are and how to encrypt them. Its errors still show.
            builder.Logging.AddFilter(typeof(XmlKeyManager).FullName, LogLevel.Error);
        }

        builder.Services.AddOptions<KeyManagementOptions>().Configure<IDbContextFactory<LiveDbContext>>((keys, dbFactory) =>
            keys.XmlRepository = new DatabaseXmlRepository(dbFactory));
        return builder;
    }

    /// <summary>Hands out PostgreSQL contexts where the app asks for the base context.</summary>
    private sealed class PostgresContextFactory(IDbContextFactory<PostgresLiveDbContext> inner) : IDbContextFactory<LiveDbContext>
    {
        public LiveDbContext CreateDbContext() => inner.CreateDbContext();

        public async Task<LiveDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) => await inner.CreateDbContextAsync(cancellationToken);
    }
}

/// <summary>The resolved, absolute data directory, kept to the service user (docs/security.md, "Data at rest").</summary>
public sealed partial class DataDirectory(IOptions<StorageOptions> options, IHostEnvironment environment, ILogger<DataDirectory> logger)
{
    /// <summary>The files the app keeps here; only these are tightened in a folder it shares with others.</summary>
    private static readonly string[] OwnFiles = [.. SqliteStorage.FileNames, PresenterKeyHashFileName];

    /// <summary>The hash of a generated presenter key (the presenter's key store keeps it here).</summary>
    public const string PresenterKeyHashFileName = "presenter-key.sha256";

    private int _private;

    public string Path { get; } = System.IO.Path.GetFullPath(System.IO.Path.Combine(environment.ContentRootPath, options.Value.DataDirectory));

    public string Combine(string fileName) => System.IO.Path.Combine(Path, fileName);

    /// <summary>
    /// Creates the folder (0700 on Unix), or tightens one an older version left readable, with the app's files in
    /// it (0600), once per start and before anything is written there; what cannot be tightened is logged.
    /// </summary>
    public void EnsurePrivate()
    {
        if (Interlocked.Exchange(ref _private, 1) == 1)
        {
            return;
        }

        PrivateFiles.CreateDirectory(Path);
        foreach (var problem in PrivateFiles.Tighten(Path, OwnFiles))
        {
            LogNotPrivate(problem);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The data directory is readable by other accounts: {Problem}")]
    private partial void LogNotPrivate(string problem);
}
