using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace OpenHealthLive.Core.Tests.Infrastructure;

/// <summary>
/// Runs <paramref name="meanwhile"/> (another node's whole change, say) just before this node's first UPDATE statement
/// reaches the database: the interleaving that loses a change when a node writes back what it read.
/// </summary>
public sealed class BeforeFirstUpdate(Func<Task> meanwhile) : DbCommandInterceptor
{
    private int _ran;

    /// <summary>Whether the other change has run (the test is void if this node never wrote).</summary>
    public bool Ran => _ran == 1;

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await RunOnceBeforeUpdateAsync(command);
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await RunOnceBeforeUpdateAsync(command);
        return result;
    }

    private async Task RunOnceBeforeUpdateAsync(DbCommand command)
    {
        if (command.CommandText.TrimStart().StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase) && Interlocked.Exchange(ref _ran, 1) == 0)
        {
            await meanwhile();
        }
    }
}
