using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace OpenHealthLive.Core.Storage;

/// <summary>Where the SQLite file lives, how it is opened, and how deleted data is made unrecoverable from it.</summary>
public static class SqliteStorage
{
    /// <summary>File name of the database inside the data directory.</summary>
    public const string FileName = "openhealthlive.db";

    /// <summary>Every file SQLite keeps beside the database: the database, its write-ahead log and index, its rollback journal.</summary>
    public static IReadOnlyList<string> FileNames { get; } = [FileName, FileName + "-wal", FileName + "-shm", FileName + "-journal"];

    /// <summary>
    /// How often, at most, a checkpoint after a deletion is tried again while readers hold the write-ahead
    /// log, and how long it waits before the first retry (doubling each time, at most a second apart).
    /// </summary>
    private const int CheckpointAttempts = 12;

    private static readonly TimeSpan FirstCheckpointRetry = TimeSpan.FromMilliseconds(20);

    /// <summary>The connection string for the database in <paramref name="dataDirectory"/>.</summary>
    public static string ConnectionString(string dataDirectory) => new SqliteConnectionStringBuilder
    {
        DataSource = Path.Combine(dataDirectory, FileName),
        Mode = SqliteOpenMode.ReadWriteCreate,
        // Stryker disable once all : pooling is Microsoft.Data.Sqlite's default; said here so that nobody turns it off unawares.
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString();

    /// <summary>
    /// Uses the database in <paramref name="dataDirectory"/> with the <see cref="SqlitePrivacyInterceptor"/>:
    /// the file created 0600, <c>secure_delete</c> on every connection.
    /// </summary>
    public static DbContextOptionsBuilder UseSqliteStorage(this DbContextOptionsBuilder options, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.UseSqlite(ConnectionString(dataDirectory)).AddInterceptors(new SqlitePrivacyInterceptor());
    }

    /// <inheritdoc cref="UseSqliteStorage(DbContextOptionsBuilder, string)"/>
    public static DbContextOptionsBuilder<TContext> UseSqliteStorage<TContext>(this DbContextOptionsBuilder<TContext> options, string dataDirectory)
        where TContext : DbContext =>
        (DbContextOptionsBuilder<TContext>)UseSqliteStorage((DbContextOptionsBuilder)options, dataDirectory);

    /// <summary>
    /// Applies pending migrations (any provider); for SQLite, first creates the data directory (0700 on Unix)
    /// and switches the file to write-ahead logging, so that readers never wait for a writer, and ends with
    /// <see cref="EraseDeletedAsync"/>, so that anything deleted before a crash does not outlive the restart.
    /// </summary>
    public static async Task MigrateAsync(LiveDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.GetDbConnection() is SqliteConnection { DataSource: { Length: > 0 } file })
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(file));
            if (directory is not null)
            {
                PrivateFiles.CreateDirectory(directory);
            }
        }

        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        if (!await IsUpToDateAsync(db, cancellationToken))
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        await EraseDeletedAsync(db, cancellationToken);
    }

    /// <summary>
    /// Whether the database records exactly the migrations this build carries, read with one plain query. On an
    /// up-to-date database EF Core's <c>Migrate</c> changes nothing, but first builds the model from the code to look
    /// for changes without a migration, takes the migration lock and reads the history through its query pipeline:
    /// about 2 s of a restart's JIT compilation on one core (docs/benchmarks.md, "Start-up"). Anything else (a new
    /// database, a missing or an unknown migration) goes through <c>Migrate</c>, lock and checks included.
    /// </summary>
    private static async Task<bool> IsUpToDateAsync(LiveDbContext db, CancellationToken cancellationToken)
    {
        var known = db.Database.GetMigrations().Order(StringComparer.Ordinal).ToList();
        var connection = db.Database.GetDbConnection();
        try
        {
            // Inside the try: a PostgreSQL database that does not exist yet refuses the connection, and Migrate creates it.
            await db.Database.OpenConnectionAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            // Each id starts with its own timestamp, so any collation orders them as the ordinal sort of `known` does.
            command.CommandText = """SELECT "MigrationId" FROM "__EFMigrationsHistory" ORDER BY "MigrationId" """;
            var applied = new List<string>();
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    applied.Add(reader.GetString(0));
                }
            }

            return applied.SequenceEqual(known, StringComparer.Ordinal);
        }
        catch (DbException)
        {
            // No database or no history table yet: a new database.
            return false;
        }
        finally
        {
            // Stryker disable once all : the context closes it when disposed anyway; this hands it back to the pool sooner.
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Makes what has been deleted so far unrecoverable from the database's files. <c>secure_delete</c> has
    /// zeroed the deleted rows, but only in the new page images, which sit in the write-ahead log next to the
    /// old ones (the text as it was inserted), while the database file still holds the old pages too. A
    /// <c>wal_checkpoint(TRUNCATE)</c> copies the zeroed pages into the database file and empties the log. It
    /// cannot finish while a reader still uses the log, so it is tried again, briefly; call it after every
    /// deletion of audience data (a question, a session). PostgreSQL: nothing to do here (see docs/security.md).
    /// </summary>
    /// <returns>False when readers kept the log busy throughout: the text stays in it until a later checkpoint.</returns>
    public static Task<bool> EraseDeletedAsync(LiveDbContext db, CancellationToken cancellationToken) =>
        CheckpointUntilErasedAsync(db, Task.Delay, cancellationToken);

    /// <inheritdoc cref="EraseDeletedAsync(LiveDbContext, CancellationToken)"/>
    /// <param name="db">The context whose database to checkpoint.</param>
    /// <param name="wait">Waits between attempts (<see cref="Task.Delay(TimeSpan, CancellationToken)"/>; tests record the waits instead).</param>
    /// <param name="cancellationToken">Stops the retries.</param>
    internal static async Task<bool> CheckpointUntilErasedAsync(LiveDbContext db, Func<TimeSpan, CancellationToken, Task> wait, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!db.Database.IsSqlite())
        {
            return true;
        }

        var pause = FirstCheckpointRetry;
        for (var attempt = 1; ; attempt++)
        {
            if (await TryCheckpointAsync(db, cancellationToken))
            {
                return true;
            }

            if (attempt == CheckpointAttempts)
            {
                return false;
            }

            await wait(pause, cancellationToken);
            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, TimeSpan.TicksPerSecond));
        }
    }

    private static async Task<bool> TryCheckpointAsync(LiveDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            // One row: busy (1 when a reader or writer stopped it), frames in the log, frames checkpointed.
            var busy = await db.Database.SqlQueryRaw<int>("PRAGMA wal_checkpoint(TRUNCATE);").ToListAsync(cancellationToken);
            return busy is [0];
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 5 or 6)
        {
            // SQLITE_BUSY / SQLITE_LOCKED: another connection is writing; try again.
            return false;
        }
    }
}
