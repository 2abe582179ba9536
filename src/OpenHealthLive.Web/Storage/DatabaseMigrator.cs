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
        Directory.CreateDirectory(dataDirectory.Path);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await SqliteStorage.MigrateAsync(db, cancellationToken);
        var file = dataDirectory.Combine(SqliteStorage.FileName);
        LogDatabaseReady(file);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Database ready at {Path}")]
    private partial void LogDatabaseReady(string path);
}
