using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using OpenHealthLive.Core.Storage;
using OpenHealthLive.Core.Tests.Infrastructure;

namespace OpenHealthLive.Core.Tests.Storage;

/// <summary>
/// What the app's own connections do before anything is stored (<see cref="SqlitePrivacyInterceptor"/>): the database
/// file is created readable by its owner only, and every connection, however it is opened, has SQLite's secure delete
/// on, so that an erased question does not stay in the file.
/// </summary>
public sealed class SqlitePrivacyInterceptorTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _temp.Dispose();
    }

    [Fact]
    public void A_database_opened_for_the_first_time_is_created_readable_by_its_owner_only()
    {
        using var db = new SqliteDbContextFactory(_temp.FullPath).CreateDbContext();

        db.Database.OpenConnection();

        AssertOwnerOnly(Path.Combine(_temp.FullPath, SqliteStorage.FileName));
        Assert.Equal(1L, SecureDelete(db));
    }

    [Fact]
    public async Task A_database_opened_for_the_first_time_asynchronously_is_created_readable_by_its_owner_only()
    {
        await using var db = new SqliteDbContextFactory(_temp.FullPath).CreateDbContext();

        await db.Database.OpenConnectionAsync(CancellationToken.None);

        AssertOwnerOnly(Path.Combine(_temp.FullPath, SqliteStorage.FileName));
        Assert.Equal(1L, SecureDelete(db));
    }

    [Fact]
    public async Task A_pooled_connection_opened_again_by_another_context_still_has_secure_delete_on()
    {
        var factory = new SqliteDbContextFactory(_temp.FullPath);
        await using (var first = factory.CreateDbContext())
        {
            await first.Database.OpenConnectionAsync(CancellationToken.None);
        }

        await using var second = factory.CreateDbContext();
        await second.Database.OpenConnectionAsync(CancellationToken.None);

        Assert.Equal(1L, SecureDelete(second));
    }

    [Fact]
    public void An_in_memory_database_creates_no_file()
    {
        // Where a broken interceptor would create it: relative to the test run's working folder.
        var wrongFile = Path.GetFullPath(":memory:");
        File.Delete(wrongFile);
        using var db = Intercepted("Data Source=:memory:");
        try
        {
            db.Database.OpenConnection();

            Assert.False(File.Exists(wrongFile));
            Assert.Equal(1L, SecureDelete(db));
        }
        finally
        {
            File.Delete(wrongFile);
        }
    }

    [Fact]
    public void A_temporary_database_with_no_file_name_opens_with_secure_delete_on()
    {
        // SQLite's private temporary database: there is no file of the app's to create.
        using var db = Intercepted("Data Source=");

        db.Database.OpenConnection();

        Assert.Equal(1L, SecureDelete(db));
    }

    /// <summary>A context on <paramref name="connectionString"/> with the interceptor alone, no data directory.</summary>
    private static LiveDbContext Intercepted(string connectionString) =>
        new(new DbContextOptionsBuilder<LiveDbContext>().UseSqlite(connectionString).AddInterceptors(new SqlitePrivacyInterceptor()).Options);

    private static void AssertOwnerOnly(string file)
    {
        Assert.True(File.Exists(file));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }
    }

    private static long SecureDelete(LiveDbContext db)
    {
        using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA secure_delete;";
        return (long)command.ExecuteScalar()!;
    }
}
