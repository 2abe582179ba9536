using Microsoft.EntityFrameworkCore;
using OpenHealthLive.Core.Storage;

namespace OpenHealthLive.Core.Tests.Infrastructure;

/// <summary>Opens the real SQLite file in a data folder, the way the web app does.</summary>
public sealed class SqliteDbContextFactory(string dataDirectory) : IDbContextFactory<LiveDbContext>
{
    private readonly DbContextOptions<LiveDbContext> _options = new DbContextOptionsBuilder<LiveDbContext>()
        .UseSqliteStorage(dataDirectory)
        .Options;

    public LiveDbContext CreateDbContext() => new(_options);
}
