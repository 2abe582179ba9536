using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace OpenHealthLive.Core.Storage;

/// <summary>Where the SQLite file lives and how it is opened.</summary>
public static class SqliteStorage
{
    /// <summary>File name of the database inside the data directory.</summary>
    public const string FileName = "openhealthlive.db";

    /// <summary>The connection string for the database in <paramref name="dataDirectory"/>.</summary>
    public static string ConnectionString(string dataDirectory) => new SqliteConnectionStringBuilder
    {
        DataSource = Path.Combine(dataDirectory, FileName),
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString();

    /// <summary>
    /// Applies pending migrations (any provider); for SQLite, first creates the data directory and then switches
    /// the file to write-ahead logging, so that readers never wait for a writer.
    /// </summary>
    public static async Task MigrateAsync(LiveDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.GetDbConnection() is SqliteConnection { DataSource: { Length: > 0 } file })
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(file));
            if (directory is not null)
            {
                Directory.CreateDirectory(directory);
            }
        }

        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }
}
