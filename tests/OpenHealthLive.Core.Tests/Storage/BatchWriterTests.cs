using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using OpenHealthLive.Core.Storage;
using OpenHealthLive.Core.Tests.Infrastructure;

namespace OpenHealthLive.Core.Tests.Storage;

/// <summary>
/// The rule crash safety rests on: a caller's write completes only once its batch has committed. These tests
/// stand between the writes being applied and the commit, and make the commit wait or fail there.
/// </summary>
public sealed partial class BatchWriterTests : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly TempDirectory _temp = new();
    private readonly CommitGate _gate = new();
    private readonly CancellationTokenSource _stop = new();
    private Factory _factory = null!;
    private Task _running = Task.CompletedTask;

    public async Task InitializeAsync()
    {
        _factory = new Factory(_temp.FullPath, _gate);
        await using var db = _factory.CreateDbContext();
        await SqliteStorage.MigrateAsync(db, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        _gate.Release();
        await _stop.CancelAsync();
        await _running.WaitAsync(Patience);
    }

    public void Dispose()
    {
        _stop.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public async Task A_write_is_not_acknowledged_while_its_batch_has_been_applied_but_not_yet_committed()
    {
        var writer = new BatchWriter(_factory, NullLogger<BatchWriter>.Instance);
        var followedUp = 0;
        _gate.HoldNextCommit();
        var write = writer.EnqueueAsync(AddSession("ABCDEF"), CancellationToken.None, _ => followedUp++);
        _running = writer.RunAsync(_stop.Token);

        await _gate.Committing.WaitAsync(Patience);
        Assert.False(write.IsCompleted, "the write was acknowledged before its transaction committed");
        Assert.Equal(0, followedUp);

        _gate.Release();
        Assert.Equal("ABCDEF", await write.WaitAsync(Patience));
        Assert.Equal(1, followedUp);
        Assert.Equal(["ABCDEF"], await StoredCodesAsync());
    }

    [Fact]
    public async Task A_commit_that_fails_after_the_writes_were_applied_completes_none_of_them_and_stores_nothing()
    {
        var writer = new BatchWriter(_factory, NullLogger<BatchWriter>.Instance);
        var followedUp = 0;
        _gate.FailNextCommit();
        // Queued before the writer runs, so the three go into one batch and all three are applied before the commit.
        string[] codes = ["AAAAAA", "BBBBBB", "CCCCCC"];
        var writes = codes
            .Select(code => writer.EnqueueAsync(AddSession(code), CancellationToken.None, _ => followedUp++))
            .ToList();
        _running = writer.RunAsync(_stop.Token);

        foreach (var write in writes)
        {
            var refused = await Assert.ThrowsAsync<StorageUnavailableException>(() => write.WaitAsync(Patience));
            Assert.StartsWith(StorageUnavailableException.NotSavedYet, refused.Message, StringComparison.Ordinal);
        }

        Assert.Equal(0, followedUp);
        Assert.Empty(await StoredCodesAsync());

        // The writer goes on: the phone's retry of the same write is stored.
        Assert.Equal("AAAAAA", await writer.EnqueueAsync(AddSession("AAAAAA"), CancellationToken.None, _ => followedUp++).WaitAsync(Patience));
        Assert.Equal(1, followedUp);
        Assert.Equal(["AAAAAA"], await StoredCodesAsync());
    }

    [Fact]
    public async Task A_group_of_deferred_writes_that_the_database_refuses_is_applied_again_one_by_one_so_only_the_bad_write_fails()
    {
        await using (var db = _factory.CreateDbContext())
        {
            db.Sessions.Add(new LiveSessionRecord { Code = "AAAAAA", DeckSlug = "talk" });
            await db.SaveChangesAsync();
        }

        // Queued before the writer runs, so the three form one group; the middle one repeats a stored key.
        var writer = new BatchWriter(_factory, NullLogger<BatchWriter>.Instance);
        var rolledBack = new List<string>();
        string[] codes = ["BBBBBB", "AAAAAA", "CCCCCC"];
        var writes = codes.Select(code => writer.EnqueueDeferredAsync(AddSession(code), null, () => rolledBack.Add(code), null, CancellationToken.None)).ToList();
        _running = writer.RunAsync(_stop.Token);

        Assert.Equal("BBBBBB", await writes[0].WaitAsync(Patience));
        await Assert.ThrowsAsync<StorageUnavailableException>(() => writes[1].WaitAsync(Patience));
        Assert.Equal("CCCCCC", await writes[2].WaitAsync(Patience));
        Assert.Equal(["AAAAAA", "BBBBBB", "CCCCCC"], await StoredCodesAsync());
        // Each was told its group was rolled back; the refused one once more, when it failed alone.
        Assert.Equal(["BBBBBB", "AAAAAA", "CCCCCC", "AAAAAA"], rolledBack);
    }

    private static Func<LiveDbContext, CancellationToken, Task<string>> AddSession(string code) => (db, _) =>
    {
        db.Sessions.Add(new LiveSessionRecord { Code = code, DeckSlug = "talk" });
        return Task.FromResult(code);
    };

    private async Task<List<string>> StoredCodesAsync()
    {
        await using var db = _factory.CreateDbContext();
        return await db.Sessions.Select(s => s.Code).OrderBy(c => c).ToListAsync();
    }

    private sealed class Factory(string dataDirectory, CommitGate gate) : IDbContextFactory<LiveDbContext>
    {
        private readonly DbContextOptions<LiveDbContext> _options = new DbContextOptionsBuilder<LiveDbContext>()
            .UseSqliteStorage(dataDirectory)
            .AddInterceptors(gate)
            .Options;

        public LiveDbContext CreateDbContext() => new(_options);
    }

    /// <summary>Stops the next commit at the door: holds it until released, or fails it.</summary>
    private sealed class CommitGate : DbTransactionInterceptor
    {
        private readonly TaskCompletionSource _committing = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _mode;
        private int _commits;

        public Task Committing => _committing.Task;

        /// <summary>Transactions committed through this factory's contexts so far.</summary>
        public int Commits => Volatile.Read(ref _commits);

        /// <summary>Each savepoint taken, released or rolled back to, and each commit, in order, once <see cref="Record"/> is set.</summary>
        public List<string> Steps { get; } = [];

        public bool Record { get; set; }

        public void HoldNextCommit() => _mode = 1;

        public void FailNextCommit() => _mode = 2;

        public void Release() => _release.TrySetResult();

        public override async ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
        {
            switch (Interlocked.Exchange(ref _mode, 0))
            {
                case 1:
                    _committing.TrySetResult();
                    await _release.Task;
                    break;
                case 2:
                    throw new IOException("disk I/O error (the test's commit that fails)");
            }

            return result;
        }

        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _commits);
            Log("commit");
            return Task.CompletedTask;
        }

        public override ValueTask<InterceptionResult> CreatingSavepointAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default) =>
            Logged("savepoint", result);

        public override ValueTask<InterceptionResult> ReleasingSavepointAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default) =>
            Logged("release", result);

        public override ValueTask<InterceptionResult> RollingBackToSavepointAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default) =>
            Logged("roll back to", result);

        private ValueTask<InterceptionResult> Logged(string step, InterceptionResult result)
        {
            Log(step);
            return ValueTask.FromResult(result);
        }

        private void Log(string step)
        {
            if (Record)
            {
                lock (Steps)
                {
                    Steps.Add(step);
                }
            }
        }
    }
}
