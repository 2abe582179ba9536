using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using OpenHealthLive.Core.Storage;

namespace OpenHealthLive.Core.Tests.Infrastructure;

/// <summary>
/// Opens the real SQLite file in a data folder, the way the web app does; a test may add interceptors, for example to
/// let another node act between this node's read and its write.
/// </summary>
public sealed class SqliteDbContextFactory(string dataDirectory, params IInterceptor[] interceptors) : IDbContextFactory<LiveDbContext>
{
    private readonly DbContextOptions<LiveDbContext> _options = new DbContextOptionsBuilder<LiveDbContext>()
        .UseSqliteStorage(dataDirectory)
        .AddInterceptors(interceptors)
        .Options;

    public LiveDbContext CreateDbContext() => new(_options);
}
