using Microsoft.Extensions.Options;
using OpenHealthLive.Core.Storage;

namespace OpenHealthLive.Web.Presenter;

/// <summary>
/// Every <see cref="PresenterOptions.SignOutSweepSeconds"/>, closes this node's presenter hub connections whose sign-in
/// ended without this node knowing (signed out on another node of a cluster, or expired); once an hour, deletes old
/// sign-ins. The sweep reads the database only while this node has presenter connections (a handful at a talk).
/// </summary>
internal sealed partial class SignInSweep(
    PresenterSignIns signIns, IOptions<PresenterOptions> options, TimeProvider time, ILogger<SignInSweep> logger) : BackgroundService
{
    private static readonly TimeSpan PurgeEvery = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.SignOutSweepSeconds), time);
        var nextPurge = time.GetUtcNow();
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    if (await signIns.CloseEndedAsync(stoppingToken) is > 0 and var closed)
                    {
                        LogClosed(closed);
                    }

                    if (time.GetUtcNow() >= nextPurge)
                    {
                        nextPurge = time.GetUtcNow() + PurgeEvery;
                        await signIns.PurgeAsync(stoppingToken);
                    }
                }
                catch (Exception ex) when (StorageErrors.IsUnavailable(ex))
                {
                    // The database is away: per-call checks refuse presenter calls meanwhile; look again next tick.
                    LogDatabaseAway(ex.GetType().Name);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Closed {Connections} presenter hub connection(s) whose sign-in had ended")]
    private partial void LogClosed(int connections);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not check presenter sign-ins ({Error}); trying again shortly")]
    private partial void LogDatabaseAway(string error);
}
