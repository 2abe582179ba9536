using Microsoft.Extensions.Options;
using OpenHealthLive.Core.Sessions;
using OpenHealthLive.Web.Rooms;

namespace OpenHealthLive.Web.Live;

/// <summary>
/// In a cluster, every few seconds: read the current version of the sessions this node serves from the shared
/// database and tell their followers. A phone that missed a change — Redis was down, a message was lost — sees
/// a version newer than its own and joins again, so every phone converges within seconds of Redis returning.
/// </summary>
internal sealed partial class ClusterHeartbeat(
    LiveSessionService sessions,
    AudienceTracker audience,
    DeliveryTracker delivery,
    FollowerBroadcast<ILiveClient> followers,
    NodeTopology topology,
    IOptions<ClusterOptions> options,
    TimeProvider time,
    ILogger<ClusterHeartbeat> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!topology.MultiNode || options.Value.StateHeartbeatSeconds == 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.StateHeartbeatSeconds), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                foreach (var session in await sessions.RefreshAsync(audience.ActiveCodes(), stoppingToken))
                {
                    delivery.Observe(session.Code, session.Position.Version, session.Position.Slide);
                    var heartbeat = new StateHeartbeat(session.Code, session.Position.Version, session.Projector.Revision);
                    await followers.SendAsync(session.Code, client => client.StateHeartbeat(heartbeat));
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Redis or the database may be down: try again next time; the node goes on serving its phones.
                LogHeartbeatFailed(ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The cluster state heartbeat could not be sent; trying again")]
    private partial void LogHeartbeatFailed(Exception exception);
}
