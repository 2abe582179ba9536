using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
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
    public async Task Starting_on_an_up_to_date_database_does_not_run_the_migrations_again()
    {
        var factory = new SqliteDbContextFactory(_temp.FullPath);
        await using (var db = factory.CreateDbContext())
        {
            await SqliteStorage.MigrateAsync(db, CancellationToken.None);
        }

        var commands = new CommandLog();
        var watched = new DbContextOptionsBuilder<LiveDbContext>().UseSqliteStorage(_temp.FullPath).AddInterceptors(commands).Options;
        await using (var db = new LiveDbContext(watched))
        {
            await SqliteStorage.MigrateAsync(db, CancellationToken.None);
        }

        // EF Core's Migrate takes its lock (a row in __EFMigrationsLock) even when there is nothing to apply.
        Assert.DoesNotContain(commands.Texts, text => text.Contains("__EFMigrationsLock", StringComparison.Ordinal));
        await using var check = factory.CreateDbContext();
        Assert.Empty(await check.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task A_database_one_migration_behind_is_migrated_to_the_latest()
    {
        var older = new DbContextOptionsBuilder<LiveDbContext>().UseSqliteStorage(_temp.FullPath).Options;
        await using (var db = new LiveDbContext(older))
        {
            var all = db.Database.GetMigrations().ToList();
            await db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>().MigrateAsync(all[^2]);
            Assert.Equal([all[^1]], await db.Database.GetPendingMigrationsAsync());
        }

        await using (var db = new LiveDbContext(older))
        {
            await SqliteStorage.MigrateAsync(db, CancellationToken.None);
        }

        await using var check = new LiveDbContext(older);
        Assert.Empty(await check.Database.GetPendingMigrationsAsync());
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

    [Fact]
    public async Task Erasing_after_a_deletion_waits_for_a_reader_that_holds_the_log_and_then_empties_it()
    {
        var factory = new SqliteDbContextFactory(_temp.FullPath);
        await using var reader = await OneSessionAndAReaderOnItsLogAsync(factory);

        // The reader finishes only after the first checkpoint was refused.
        var attempts = new CheckpointAttempts(first: () => reader.Snapshot.Rollback());
        var options = new DbContextOptionsBuilder<LiveDbContext>().UseSqliteStorage(_temp.FullPath).AddInterceptors(attempts).Options;
        await using (var db = new LiveDbContext(options))
        {
            await db.Sessions.ExecuteDeleteAsync();
            Assert.True(await SqliteStorage.EraseDeletedAsync(db, CancellationToken.None));
        }

        Assert.Equal([false, true], attempts.Succeeded);
        Assert.Equal(0, new FileInfo(Path.Combine(_temp.FullPath, SqliteStorage.FileName + "-wal")).Length);
        await using var plain = factory.CreateDbContext();
        Assert.True(await SqliteStorage.EraseDeletedAsync(plain, CancellationToken.None));
    }

    [Fact]
    public async Task Upgrading_a_database_erases_what_an_older_version_deleted_without_secure_delete()
    {
        var marker = "deck-" + Guid.NewGuid().ToString("N");
        // Opened as older versions did: no secure_delete.
        var older = new DbContextOptionsBuilder<LiveDbContext>().UseSqlite(SqliteStorage.ConnectionString(_temp.FullPath)).Options;
        await using (var db = new LiveDbContext(older))
        {
            await db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>().MigrateAsync("20261205081329_HostileRoom");
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            // Raw SQL: the entity has columns this older schema does not.
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO Sessions (Code, DeckSlug, IsDefault, Slide, Fragment, Version, RevealedSlide, RevealedFragment, CreatedAt, UpdatedAt)
                VALUES ('ABCDEF', {marker}, 0, 0, 0, 0, 0, 0, '2026-12-01 09:00:00+00:00', '2026-12-01 09:00:00+00:00')
                """);
            await db.Database.ExecuteSqlRawAsync("DELETE FROM Sessions;");
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
        }

        SqliteConnection.ClearAllPools();
        var file = Path.Combine(_temp.FullPath, SqliteStorage.FileName);
        Assert.Contains(marker, await File.ReadAllTextAsync(file), StringComparison.Ordinal);

        await using (var db = new SqliteDbContextFactory(_temp.FullPath).CreateDbContext())
        {
            await SqliteStorage.MigrateAsync(db, CancellationToken.None);
        }

        SqliteConnection.ClearAllPools();
        Assert.DoesNotContain(marker, await File.ReadAllTextAsync(file), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("WAL", new[] { "openhealthlive.db", "openhealthlive.db-shm", "openhealthlive.db-wal" })]
    [InlineData("PERSIST", new[] { "openhealthlive.db", "openhealthlive.db-journal" })]
    public async Task Every_file_SQLite_keeps_beside_the_database_is_one_the_app_looks_after(string journalMode, string[] expected)
    {
        await using (var connection = new SqliteConnection(SqliteStorage.ConnectionString(_temp.FullPath)))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA journal_mode={journalMode}; CREATE TABLE Notes (Text TEXT); INSERT INTO Notes VALUES ('kept');";
            await command.ExecuteNonQueryAsync();

            var files = Directory.GetFiles(_temp.FullPath).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
            Assert.Equal(expected, files);
            Assert.All(files, file => Assert.Contains(file, SqliteStorage.FileNames));
        }
    }

    [Fact]
    public async Task Restarting_after_a_crash_erases_a_row_deleted_just_before_it()
    {
        var marker = "deck-" + Guid.NewGuid().ToString("N");
        var crashed = _temp.Combine("crashed");
        Directory.CreateDirectory(crashed);
        var factory = new SqliteDbContextFactory(_temp.FullPath);
        await using (var db = factory.CreateDbContext())
        {
            await SqliteStorage.MigrateAsync(db, CancellationToken.None);
            db.Sessions.Add(new LiveSessionRecord { Code = "ABCDEF", DeckSlug = marker });
            await db.SaveChangesAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
            await db.Sessions.ExecuteDeleteAsync();

            // The files as a crash leaves them: the row zeroed in the log, still whole in the database file.
            foreach (var name in new[] { SqliteStorage.FileName, SqliteStorage.FileName + "-wal" })
            {
                File.Copy(Path.Combine(_temp.FullPath, name), Path.Combine(crashed, name));
            }
        }

        var file = Path.Combine(crashed, SqliteStorage.FileName);
        Assert.Contains(marker, await File.ReadAllTextAsync(file), StringComparison.Ordinal);
        await using (var db = new SqliteDbContextFactory(crashed).CreateDbContext())
        {
            await SqliteStorage.MigrateAsync(db, CancellationToken.None);

            // Read while the restarted app still has the database open: closing it would checkpoint anyway.
            Assert.DoesNotContain(marker, await File.ReadAllTextAsync(file), StringComparison.Ordinal);
            Assert.Empty(await db.Sessions.ToListAsync());
        }
    }

    [Fact]
    public async Task Erasing_gives_up_after_twelve_attempts_waiting_twice_as_long_each_time_up_to_a_second()
    {
        var factory = new SqliteDbContextFactory(_temp.FullPath);
        // The reader keeps its snapshot of the log for as long as the test runs.
        await using var reader = await OneSessionAndAReaderOnItsLogAsync(factory);

        var waits = new List<TimeSpan>();
        await using var deleting = factory.CreateDbContext();
        await deleting.Sessions.ExecuteDeleteAsync();

        Assert.False(await SqliteStorage.CheckpointUntilErasedAsync(deleting, Recorded(waits), CancellationToken.None));
        int[] milliseconds = [20, 40, 80, 160, 320, 640, 1000, 1000, 1000, 1000, 1000];
        Assert.Equal(milliseconds.Select(ms => TimeSpan.FromMilliseconds(ms)), waits);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(6)]
    public async Task A_checkpoint_refused_as_busy_or_locked_is_tried_again(int sqliteError)
    {
        var factory = new SqliteDbContextFactory(_temp.FullPath);
        await using (var db = factory.CreateDbContext())
        {
            await SqliteStorage.MigrateAsync(db, CancellationToken.None);
        }

        var waits = new List<TimeSpan>();
        await using var refusing = new SqliteDbContextFactory(_temp.FullPath, new RefuseFirstCheckpoint(sqliteError)).CreateDbContext();

        Assert.True(await SqliteStorage.CheckpointUntilErasedAsync(refusing, Recorded(waits), CancellationToken.None));
        Assert.Equal([TimeSpan.FromMilliseconds(20)], waits);
    }

    [Fact]
    public async Task Erasing_on_PostgreSQL_has_nothing_to_do_and_does_not_connect()
    {
        // Port 1: nothing listens there, so any attempt to connect would fail the test.
        var options = new DbContextOptionsBuilder<OpenHealthLive.Core.Storage.Postgres.PostgresLiveDbContext>().UseNpgsql("Host=127.0.0.1;Port=1;Database=unused;Timeout=1").Options;
        await using var db = new OpenHealthLive.Core.Storage.Postgres.PostgresLiveDbContext(options);

        Assert.True(await SqliteStorage.CheckpointUntilErasedAsync(db, (_, _) => throw new InvalidOperationException("no wait expected"), CancellationToken.None));
    }

    /// <summary>
    /// A migrated database holding one session, and another connection in the middle of a read, on a snapshot that needs
    /// the write-ahead log: until it ends, a checkpoint cannot empty the log.
    /// </summary>
    private async Task<ReaderOnTheLog> OneSessionAndAReaderOnItsLogAsync(SqliteDbContextFactory factory)
    {
        await using (var db = factory.CreateDbContext())
        {
            await SqliteStorage.MigrateAsync(db, CancellationToken.None);
            db.Sessions.Add(new LiveSessionRecord { Code = "ABCDEF", DeckSlug = "talk" });
            await db.SaveChangesAsync();
        }

        var reader = new SqliteConnection(SqliteStorage.ConnectionString(_temp.FullPath));
        await reader.OpenAsync();
        var snapshot = reader.BeginTransaction(deferred: true);
        await using (var read = reader.CreateCommand())
        {
            read.CommandText = "SELECT COUNT(*) FROM Sessions";
            Assert.Equal(1L, await read.ExecuteScalarAsync());
        }

        return new ReaderOnTheLog(reader, snapshot);
    }

    /// <summary>The reading connection and its snapshot; disposing ends both.</summary>
    private sealed class ReaderOnTheLog(SqliteConnection connection, SqliteTransaction snapshot) : IAsyncDisposable
    {
        public SqliteTransaction Snapshot => snapshot;

        public async ValueTask DisposeAsync()
        {
            await snapshot.DisposeAsync();
            await connection.DisposeAsync();
        }
    }

    /// <summary>Records each wait instead of waiting; fails the test rather than loop for ever.</summary>
    private static Func<TimeSpan, CancellationToken, Task> Recorded(List<TimeSpan> waits) => (wait, _) =>
    {
        waits.Add(wait);
        Assert.True(waits.Count <= 20, "still retrying after 20 waits");
        return Task.CompletedTask;
    };

    /// <summary>The first checkpoint fails as SQLite does when another connection is busy writing.</summary>
    private sealed class RefuseFirstCheckpoint(int sqliteError) : DbCommandInterceptor
    {
        private bool _refused;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (!_refused && command.CommandText.Contains("wal_checkpoint", StringComparison.Ordinal))
            {
                _refused = true;
                throw new SqliteException("database is locked", sqliteError);
            }

            return ValueTask.FromResult(result);
        }
    }

    /// <summary>Records each checkpoint's outcome (the busy column is 0 when it finished) and runs an action after the first.</summary>
    private sealed class CheckpointAttempts(Action first) : DbCommandInterceptor
    {
        public List<bool> Succeeded { get; } = [];

        public override async ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            if (!command.CommandText.Contains("wal_checkpoint", StringComparison.Ordinal))
            {
                return result;
            }

            // Read the row here and hand the caller a copy of it.
            await result.ReadAsync(cancellationToken);
            var row = new[] { result.GetInt32(0), result.GetInt32(1), result.GetInt32(2) };
            await result.DisposeAsync();
            Succeeded.Add(row[0] == 0);
            if (Succeeded.Count == 1)
            {
                first();
            }

            var table = new System.Data.DataTable();
            table.Columns.Add("busy", typeof(int));
            table.Columns.Add("log", typeof(int));
            table.Columns.Add("checkpointed", typeof(int));
            table.Rows.Add(row[0], row[1], row[2]);
            return table.CreateDataReader();
        }
    }

    /// <summary>Every command EF Core sends, as text.</summary>
    private sealed class CommandLog : DbCommandInterceptor
    {
        public List<string> Texts { get; } = [];

        public override DbCommand CommandInitialized(CommandEndEventData eventData, DbCommand result)
        {
            lock (Texts)
            {
                Texts.Add(result.CommandText);
            }

            return result;
        }
    }
}
