using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenHealthLive.Core.Storage;

namespace OpenHealthLive.Web.Storage;

/// <summary>
/// Applies migrations before the server accepts requests (hosted services start before Kestrel listens).
/// </summary>
internal sealed partial class DatabaseMigrator(IDbContextFactory<LiveDbContext> dbFactory, DataDirectory dataDirectory, IOptions<StorageOptions> options,
    ILogger<DatabaseMigrator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        dataDirectory.EnsurePrivate();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await SqliteStorage.MigrateAsync(db, cancellationToken);
        // Where the data is, never how to log in: no connection string, so no password, in the log.
        var connection = db.Database.GetDbConnection();
        LogDatabaseReady(db.Database.IsSqlite() ? dataDirectory.Combine(SqliteStorage.FileName) : $"PostgreSQL database '{connection.Database}' on {connection.DataSource}");
        if (string.IsNullOrWhiteSpace(options.Value.KeyCertificatePath))
        {
            LogKeysUnencrypted();
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Database ready: {Where}")]
    private partial void LogDatabaseReady(string where);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cookie keys are kept in the database, not encrypted: fine on a laptop; "
        + "on a server, set Storage:KeyCertificatePath to encrypt them (docs/security.md, \"The cookie keys\")")]
    private partial void LogKeysUnencrypted();
}
