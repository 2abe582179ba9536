using OpenHealthLive.Core.Sessions;
using OpenHealthLive.Web.Rooms;

namespace OpenHealthLive.Web.Live;

/// <summary>Pushes changed audience counts and delivery figures to presenter devices once a second.</summary>
internal sealed partial class AudienceCountBroadcaster(
    AudienceTracker tracker,
    DeliveryTracker delivery,
    NodeTopology topology,
    FollowerBroadcast<ILiveClient> broadcast,
    TimeProvider time,
    ILogger<AudienceCountBroadcaster> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), time);
        var tick = 0;
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var changes = tracker.TakeChanges().ToList();
            // In a cluster a presenter adds up every node's figures, and one that joins late must hear from all of
            // them: every few seconds each node repeats its figures even when nothing changed.
            if (topology.MultiNode && ++tick % 5 == 0)
            {
                changes.AddRange(tracker.ActiveCodes().Where(code => changes.All(c => c.Code != code)).Select(tracker.Count));
            }

            foreach (var change in changes)
            {
                try
                {
                    await broadcast.SendToRoomWatchersAsync(change.Code, client => client.AudienceCountChanged(change));
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogSendFailed(ex, change.Code);
                }
            }

            foreach (var code in delivery.TakeChanged().Union(changes.Select(c => c.Code)))
            {
                try
                {
                    await broadcast.SendToRoomWatchersAsync(code, client => client.DeliveryChanged(delivery.Summarize(code, tracker.CountOf(code))));
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogSendFailed(ex, code);
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send the audience count of session {Code}")]
    private partial void LogSendFailed(Exception exception, string code);
}
