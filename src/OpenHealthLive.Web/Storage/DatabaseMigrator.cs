using Microsoft.EntityFrameworkCore;
using OpenHealthLive.Core.Storage;

namespace OpenHealthLive.Web.Storage;

/// <summary>
/// Applies migrations before the server accepts requests (hosted services start before Kestrel listens).
/// </summary>
internal sealed partial class DatabaseMigrator(IDbContextFactory<LiveDbContext> dbFactory, DataDirectory dataDirectory, ILogger<DatabaseMigrator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        dataDirectory.EnsurePrivate();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await SqliteStorage.MigrateAsync(db, cancellationToken);
        // Where the data is, never how to log in: no connection string, so no password, in the log.
        var connection = db.Database.GetDbConnection();
        LogDatabaseReady(db.Database.IsSqlite() ? dataDirectory.Combine(SqliteStorage.FileName) : $"PostgreSQL database '{connection.Database}' on {connection.DataSource}");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Database ready: {Where}")]
    private partial void LogDatabaseReady(string where);
}
