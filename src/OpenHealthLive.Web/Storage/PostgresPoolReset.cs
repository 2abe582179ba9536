using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace OpenHealthLive.Web.Storage;

/// <summary>
/// After PostgreSQL restarts, every idle connection in the pool is dead, and each would fail the next request
/// that borrows it. The first such failure empties the pool, so only one request per node meets a dead
/// connection and the rest open fresh ones.
/// </summary>
internal sealed partial class PostgresPoolReset(ILogger<PostgresPoolReset> logger) : DbCommandInterceptor
{
    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(eventData);
        Reset(command.Connection, eventData.Exception);
    }

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(eventData);
        Reset(command.Connection, eventData.Exception);
        return Task.CompletedTask;
    }

    private void Reset(DbConnection? connection, Exception exception)
    {
        if (connection is NpgsqlConnection npgsql && exception is NpgsqlException { IsTransient: true })
        {
            LogPoolCleared(exception.Message);
            NpgsqlConnection.ClearPool(npgsql);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A PostgreSQL connection broke ({Reason}); the connection pool is emptied so that the next requests connect afresh")]
    private partial void LogPoolCleared(string reason);
}
