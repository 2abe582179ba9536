using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenHealthLive.Core.Sessions;
using OpenHealthLive.Web.Infrastructure;
using OpenHealthLive.Web.Rooms;

namespace OpenHealthLive.Web.Live;

internal static class LiveSetup
{
    /// <summary>
    /// Largest hub message a client may send. Every real message is far smaller; app-level limits give
    /// clear errors first, this only stops abuse (SignalR closes the connection).
    /// </summary>
    public const long MaximumReceiveMessageSize = 16 * 1024;

    public static WebApplicationBuilder AddLive(this WebApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);

        // With several nodes (Cluster:Backplane), a periodic heartbeat lets a phone that missed a change (Redis was
        // down) catch up; on one node it ends at once.
        builder.Services.AddHostedService<ClusterHeartbeat>();

        builder.Services.AddSingleton<LiveSessionService>();
        builder.Services.AddSingleton<LiveMessages>();
        builder.Services.AddSingleton<AudienceTracker>();
        builder.Services.AddSingleton<DeliveryTracker>();
        // Read at each move: the followers (polls, the pen) use LiveSessionService themselves.
        builder.Services.AddSingleton(services => new SlideFollowers(services.GetServices<ISlideFollower>));
        builder.Services.AddSingleton<IRoomClients, LiveRoomClients>();
        builder.Services.AddSingleton<ILiveNotifier, SignalRLiveNotifier>();
        builder.Services.AddHostedService<DefaultSessionInitializer>();
        builder.Services.AddHostedService<AudienceCountBroadcaster>();
        builder.Services.AddHostedService<DeckReloadBroadcaster>();

        // Registered, the filters are made once; otherwise SignalR makes all three for every call, and every phone
        // calls the hub at every slide change (AcknowledgeSlide).
        builder.Services.AddSingleton<RefusalLog>();
        builder.Services.AddSingleton<HubErrorFilter>();
        // SignalR logs every exception a hub method throws as an error with its stack trace, refusals included, so
        // one client could fill the disk by asking for what it may not have. HubErrorFilter sees every exception
        // first: it logs refusals briefly (rate-limited) and faults with their stack trace, so SignalR's copy goes.
        builder.Logging.AddFilter("Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher", LogLevel.Critical);
        builder.Services.AddSingleton<StaffHubFilter>();
        builder.Services.AddSingleton<HubRateLimitFilter>();
        builder.Services.AddSingleton<ConnectionsPerAddress>();
        builder.Services.AddSingleton<ConnectionCountFilter>();
        builder.Services.AddSingleton<JoinCodeHubFilter>();
        builder.Services.AddSignalR(hub =>
        {
            hub.MaximumReceiveMessageSize = MaximumReceiveMessageSize;
            hub.EnableDetailedErrors = false;
            hub.AddFilter<HubErrorFilter>();
            hub.AddFilter<StaffHubFilter>();
            hub.AddFilter<HubRateLimitFilter>();
            hub.AddFilter<ConnectionCountFilter>();
            hub.AddFilter<JoinCodeHubFilter>();
        });
        return builder;
    }

    public static WebApplication MapLive(this WebApplication app)
    {
        var connections = app.Services.GetRequiredService<ConnectionsPerAddress>();
        app.UseWhen(http => http.Request.Path.StartsWithSegments(HubPaths.Live, StringComparison.OrdinalIgnoreCase),
            hub => hub.Use((http, next) => connections.GuardAsync(http, () => next(http))));

        // Stateful reconnect: after a short drop the same connection resumes and the server replays, exactly once,
        // what the phone missed. After a long drop or a restart the phone joins again and gets the current state.
        app.MapHub<LiveHub>(HubPaths.Live, hub => hub.AllowStatefulReconnects = true);
        return app;
    }
}
