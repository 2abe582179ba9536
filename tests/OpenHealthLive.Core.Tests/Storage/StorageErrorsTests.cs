using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using OpenHealthLive.Core.Storage;

namespace OpenHealthLive.Core.Tests.Storage;

public sealed class StorageErrorsTests
{
    public static TheoryData<Exception> Unavailable() => new()
    {
        new SqliteException("database is locked", 5),
        new NpgsqlException("Exception while reading from stream"),
        new TimeoutException("The operation has timed out."),
        new DbUpdateException("An error occurred while saving", new NpgsqlException("Failed to connect")),
        new InvalidOperationException("An exception has been raised that is likely due to a transient failure.", new NpgsqlException("Exception while reading from stream")),
    };

    public static TheoryData<Exception> Refused() => new()
    {
        new InvalidOperationException("This poll is closed."),
        new ArgumentException("Too long."),
        new DbUpdateException("Saving failed", new InvalidOperationException("A model rule")),
        new InvalidOperationException("Wrapped", new ArgumentException("not a database error")),
    };

    [Theory]
    [MemberData(nameof(Unavailable))]
    public void A_database_that_is_away_is_worth_retrying(Exception exception) => Assert.True(StorageErrors.IsUnavailable(exception));

    [Theory]
    [MemberData(nameof(Refused))]
    public void A_refusal_on_the_merits_is_not(Exception exception) => Assert.False(StorageErrors.IsUnavailable(exception));
}
