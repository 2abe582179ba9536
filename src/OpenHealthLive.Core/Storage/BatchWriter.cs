using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace OpenHealthLive.Core.Storage;

/// <summary>
/// The one writer for audience writes (questions, votes). Writes from a whole room are queued, applied in
/// batches inside one transaction — one commit (one fsync) per batch instead of one per write — and each
/// caller's task completes only after its batch has committed, so an acknowledgement always means stored.
/// Each write runs under its own savepoint: one failing write is rolled back and reported to its caller
/// alone, and the rest of the batch commits.
/// </summary>
public sealed partial class BatchWriter(IDbContextFactory<LiveDbContext> dbFactory, ILogger<BatchWriter> logger)
{
    /// <summary>Most writes committed together.</summary>
    public const int MaxBatch = 512;

    private readonly Channel<IWrite> _pending = Channel.CreateUnbounded<IWrite>(new UnboundedChannelOptions { SingleReader = true });

    private interface IWrite
    {
        Task ApplyAsync(LiveDbContext db, CancellationToken cancellationToken);

        void Commit();

        void Fail(Exception exception);
    }

    /// <summary>Queues a write; the task completes with its result once the write is committed.</summary>
    /// <param name="write">Applies the change to the context; the writer saves it.</param>
    /// <param name="afterCommit">
    /// Runs on the writer, right after the commit, in commit order: the place to update in-memory state (a running
    /// tally) so that it follows the database exactly, whatever order callers resume in.
    /// </param>
    /// <param name="cancellationToken">Refuses the write if already cancelled; once queued, a write is applied.</param>
    /// <exception cref="StorageUnavailableException">The database could not commit the batch.</exception>
    public Task<T> EnqueueAsync<T>(Func<LiveDbContext, CancellationToken, Task<T>> write, CancellationToken cancellationToken, Action<T>? afterCommit = null)
    {
        ArgumentNullException.ThrowIfNull(write);
        cancellationToken.ThrowIfCancellationRequested();
        var item = new Write<T>(write, afterCommit);
        if (!_pending.Writer.TryWrite(item))
        {
            throw new StorageUnavailableException(StorageUnavailableException.NotSavedYet + "the server is shutting down. Your phone keeps it and sends it again.");
        }

        return item.Task;
    }

    /// <summary>Applies queued writes until <paramref name="stoppingToken"/> fires, then drains what is left.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var batch = new List<IWrite>(MaxBatch);
        try
        {
            while (await _pending.Reader.WaitToReadAsync(stoppingToken))
            {
                await DrainAsync(batch, CancellationToken.None);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            _pending.Writer.TryComplete();
            await DrainAsync(batch, CancellationToken.None);
        }
    }

    private async Task DrainAsync(List<IWrite> batch, CancellationToken cancellationToken)
    {
        while (true)
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _pending.Reader.TryRead(out var write))
            {
                batch.Add(write);
            }

            if (batch.Count == 0)
            {
                return;
            }

            await CommitBatchAsync(batch, cancellationToken);
        }
    }

    private async Task CommitBatchAsync(List<IWrite> batch, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var applied = new List<IWrite>(batch.Count);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            // Each write has its own savepoint below; EF's automatic ones inside SaveChanges would only double them.
            db.Database.AutoSavepointsEnabled = false;
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var write in batch)
            {
                await transaction.CreateSavepointAsync("write", cancellationToken);
                try
                {
                    await write.ApplyAsync(db, cancellationToken);
                    await db.SaveChangesAsync(cancellationToken);
                    await transaction.ReleaseSavepointAsync("write", cancellationToken);
                    applied.Add(write);
                }
                catch (Exception ex) when (ex is DbUpdateException || StorageErrors.IsUnavailable(ex))
                {
                    // The database refused this write (a full disk, a lock that never came free): worth retrying.
                    await transaction.RollbackToSavepointAsync("write", cancellationToken);
                    LogWriteFailed(ex);
                    write.Fail(new StorageUnavailableException(StorageUnavailableException.NotSavedYet + "the server could not store it right now. Your phone keeps it and sends it again.", ex));
                }
                catch (Exception ex) when (ex is not StorageUnavailableException)
                {
                    // Refused by the write itself (a closed poll, a deleted question): its caller is told why.
                    await transaction.RollbackToSavepointAsync("write", cancellationToken);
                    write.Fail(ex);
                }
                finally
                {
                    db.ChangeTracker.Clear();
                }
            }

            await transaction.CommitAsync(cancellationToken);
        }
        catch (Exception ex)
        {
            LogBatchFailed(ex, batch.Count);
            var unavailable = new StorageUnavailableException(StorageUnavailableException.NotSavedYet + "the server could not store it right now. Your phone keeps it and sends it again.", ex);
            foreach (var write in applied)
            {
                write.Fail(unavailable);
            }

            foreach (var write in batch.Except(applied))
            {
                write.Fail(unavailable);
            }

            return;
        }

        foreach (var write in applied)
        {
            try
            {
                write.Commit();
            }
            catch (Exception ex)
            {
                // The write is stored; only the in-memory follow-up failed. Never let it stop the writer.
                LogAfterCommitFailed(ex);
                write.Fail(ex);
            }
        }

        var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        LogBatchCommitted(batch.Count, applied.Count, elapsed);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A batch of {Count} writes could not be committed")]
    private partial void LogBatchFailed(Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "The database refused a write")]
    private partial void LogWriteFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "A write was committed but its follow-up failed")]
    private partial void LogAfterCommitFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Committed a batch: {Count} writes, {Applied} applied, in {Milliseconds:0.0} ms")]
    private partial void LogBatchCommitted(int count, int applied, double milliseconds);

    /// <remarks>
    /// Once queued, a write is applied even if its caller has gone (a phone that disconnected): the phone
    /// retries with the same client-made id and finds it, so nothing is lost and nothing doubles.
    /// </remarks>
    private sealed class Write<T>(Func<LiveDbContext, CancellationToken, Task<T>> apply, Action<T>? afterCommit) : IWrite
    {
        private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _result;

        public Task<T> Task => _completion.Task;

        public async Task ApplyAsync(LiveDbContext db, CancellationToken cancellationToken) => _result = await apply(db, cancellationToken);

        public void Commit()
        {
            afterCommit?.Invoke(_result!);
            _completion.TrySetResult(_result!);
        }

        public void Fail(Exception exception)
        {
            if (!_completion.Task.IsCompleted)
            {
                _completion.TrySetException(exception);
            }
        }
    }
}
