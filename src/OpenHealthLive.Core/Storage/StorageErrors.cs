using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace OpenHealthLive.Core.Storage;

/// <summary>Tells a database that is away (restarting, unreachable) from a request the app refused on its merits.</summary>
public static class StorageErrors
{
    /// <summary>
    /// True when <paramref name="exception"/> means the database could not be reached or answer: a provider
    /// error, EF's wrapping of one, or the "likely due to a transient failure" error EF raises for a broken
    /// connection. Worth retrying, unlike a refusal such as "this poll is closed".
    /// </summary>
    public static bool IsUnavailable(Exception exception) => exception switch
    {
        DbException or TimeoutException => true,
        DbUpdateException { InnerException: { } inner } => IsUnavailable(inner),
        InvalidOperationException { InnerException: { } inner } => inner is DbException or TimeoutException,
        _ => false,
    };
}
