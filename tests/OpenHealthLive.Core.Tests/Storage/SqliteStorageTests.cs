using Microsoft.EntityFrameworkCore;
using OpenHealthLive.Core.Storage;
using OpenHealthLive.Core.Tests.Infrastructure;

namespace OpenHealthLive.Core.Tests.Storage;

public sealed class SqliteStorageTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Migrating_creates_the_data_folder_and_the_database_file_in_write_ahead_logging_mode()
    {
        var dataDirectory = _temp.Combine(Path.Combine("not", "yet", "there"));
        var factory = new SqliteDbContextFactory(dataDirectory);

        await using (var db = factory.CreateDbContext())
        {
            await SqliteStorage.MigrateAsync(db, CancellationToken.None);
        }

        Assert.True(File.Exists(Path.Combine(dataDirectory, SqliteStorage.FileName)));
        await using var check = factory.CreateDbContext();
        Assert.Equal("wal", await check.Database.SqlQueryRaw<string>("SELECT journal_mode AS Value FROM pragma_journal_mode").SingleAsync());
        Assert.Empty(await check.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task Migrating_an_existing_database_again_keeps_its_sessions()
    {
        var factory = new SqliteDbContextFactory(_temp.FullPath);
        await using (var db = factory.CreateDbContext())
        {
            await SqliteStorage.MigrateAsync(db, CancellationToken.None);
            db.Sessions.Add(new LiveSessionRecord { Code = "ABCDEF", DeckSlug = "talk" });
            await db.SaveChangesAsync();
        }

        await using (var db = factory.CreateDbContext())
        {
            await SqliteStorage.MigrateAsync(db, CancellationToken.None);
        }

        await using var check = factory.CreateDbContext();
        Assert.Equal("ABCDEF", (await check.Sessions.SingleAsync()).Code);
    }

    [Fact]
    public async Task Two_sessions_cannot_share_a_code()
    {
        var factory = new SqliteDbContextFactory(_temp.FullPath);
        await using var db = factory.CreateDbContext();
        await SqliteStorage.MigrateAsync(db, CancellationToken.None);

        db.Sessions.Add(new LiveSessionRecord { Code = "ABCDEF", DeckSlug = "talk" });
        db.Sessions.Add(new LiveSessionRecord { Code = "ABCDEF", DeckSlug = "other" });

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }
}
