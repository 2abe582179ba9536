using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace OpenHealthLive.Core.Storage;

/// <summary>
/// Privacy settings for every SQLite connection EF Core opens. The database file is created 0600 before
/// SQLite would create it with the process's umask (SQLite gives the -wal, -shm and -journal files the
/// database file's mode). <c>PRAGMA secure_delete</c> is on, so a deleted question is overwritten with zeros
/// in its page rather than left in free space; it is a per-connection setting, applied once to each pooled
/// connection.
/// </summary>
public sealed class SqlitePrivacyInterceptor : DbConnectionInterceptor
{
    // Keyed by SQLite's native handle, which a pooled connection keeps across every Open: one PRAGMA per
    // physical connection, not one per query.
    private static readonly ConditionalWeakTable<object, object> SecureDeleteOn = new();
    private static readonly object Marker = new();

    private volatile bool _fileExists;

    /// <inheritdoc />
    public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        CreateDatabaseFile(connection);
        return result;
    }

    /// <inheritdoc />
    public override ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        CreateDatabaseFile(connection);
        return ValueTask.FromResult(result);
    }

    /// <inheritdoc />
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (NeedsSecureDelete(connection, out var sqlite, out var handle))
        {
            using var command = SecureDeleteCommand(sqlite);
            command.ExecuteNonQuery();
            SecureDeleteOn.AddOrUpdate(handle, Marker);
        }
    }

    /// <inheritdoc />
    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (NeedsSecureDelete(connection, out var sqlite, out var handle))
        {
            await using var command = SecureDeleteCommand(sqlite);
            await command.ExecuteNonQueryAsync(cancellationToken);
            SecureDeleteOn.AddOrUpdate(handle, Marker);
        }
    }

    private static bool NeedsSecureDelete(DbConnection connection, out SqliteConnection sqlite, out object handle)
    {
        sqlite = (connection as SqliteConnection)!;
        handle = sqlite?.Handle!;
        return handle is not null && !SecureDeleteOn.TryGetValue(handle, out _);
    }

    private static SqliteCommand SecureDeleteCommand(SqliteConnection connection)
    {
        var command = connection.CreateCommand();
        command.CommandText = "PRAGMA secure_delete=ON;";
        return command;
    }

    private void CreateDatabaseFile(DbConnection connection)
    {
        if (_fileExists || connection is not SqliteConnection sqlite)
        {
            return;
        }

        var settings = new SqliteConnectionStringBuilder(sqlite.ConnectionString);
        if (settings.Mode == SqliteOpenMode.Memory || settings.DataSource is "" or ":memory:")
        {
            _fileExists = true;
            return;
        }

        var file = Path.GetFullPath(settings.DataSource);
        if (!File.Exists(file) && Directory.Exists(Path.GetDirectoryName(file)))
        {
            // An empty file is an empty SQLite database: SQLite writes its header into it on first use.
            PrivateFiles.CreateFile(file);
        }

        _fileExists = File.Exists(file);
    }
}
