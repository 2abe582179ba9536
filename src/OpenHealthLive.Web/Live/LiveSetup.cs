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
        builder.Services.AddOptions<LiveOptions>()
            .BindConfiguration(LiveOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.TryAddSingleton(TimeProvider.System);

        // Several nodes behind one address share SignalR messages through Redis, and keep copies of shared state
        // only briefly; a periodic heartbeat lets a phone that missed a change (Redis was down) catch up.
        var live = builder.Configuration.GetSection(LiveOptions.SectionName).Get<LiveOptions>() ?? new LiveOptions();
        var multiNode = live.Backplane == Backplane.Redis;
        builder.Services.AddSingleton(new NodeTopology(multiNode, live.NodeName ?? $"{Environment.MachineName}:{Environment.ProcessId}"));
        if (multiNode && live.StateHeartbeatSeconds > 0)
        {
            builder.Services.AddHostedService<ClusterHeartbeat>();
        }

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
        var signalR = builder.Services.AddSignalR(hub =>
        {
            hub.MaximumReceiveMessageSize = MaximumReceiveMessageSize;
            hub.EnableDetailedErrors = false;
            hub.AddFilter<HubErrorFilter>();
            hub.AddFilter<StaffHubFilter>();
            hub.AddFilter<HubRateLimitFilter>();
            hub.AddFilter<ConnectionCountFilter>();
            hub.AddFilter<JoinCodeHubFilter>();
        });
        if (multiNode)
        {
            ValidateCluster(builder.Configuration, live);

            var backplane = new BackplaneConnection();
            builder.Services.AddSingleton(backplane);
            signalR.AddStackExchangeRedis(live.RedisConnectionString!, redis =>
            {
                redis.Configuration.ChannelPrefix = StackExchange.Redis.RedisChannel.Literal("openhealthlive");
                // Start even if Redis is down, and keep trying: each node goes on serving its own phones meanwhile.
                redis.Configuration.AbortOnConnectFail = false;
                // Look for Redis again every second (the client's default backs off to many seconds): phones on other
                // nodes converge within a heartbeat of Redis returning.
                redis.Configuration.ReconnectRetryPolicy = new StackExchange.Redis.LinearRetry(1000);
                redis.ConnectionFactory = async writer =>
                {
                    var multiplexer = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(redis.Configuration, writer);
                    backplane.Multiplexer = multiplexer;
                    return multiplexer;
                };
            });
        }
        return builder;
    }

    /// <summary>
    /// What every node of a cluster must share, checked at start-up so that a misconfigured node refuses to start
    /// with the reason rather than quietly serving a different room.
    /// </summary>
    private static void ValidateCluster(ConfigurationManager configuration, LiveOptions live)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(live.RedisConnectionString))
        {
            problems.Add("Live:Backplane is Redis but Live:RedisConnectionString is empty.");
        }

        if (!string.Equals(configuration["Storage:Provider"], "Postgres", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add("Live:Backplane is Redis, so the nodes must share one database: set Storage:Provider to Postgres (a SQLite file belongs to one node).");
        }

        if (string.IsNullOrWhiteSpace(configuration["Presenter:Key"]))
        {
            problems.Add("Live:Backplane is Redis, so every node needs the same Presenter:Key (a generated key would differ per node).");
        }

        if (string.IsNullOrWhiteSpace(live.DefaultSessionCode))
        {
            problems.Add("Live:Backplane is Redis, so set Live:DefaultSessionCode on every node: nodes starting together would otherwise each make a code of their own.");
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException("This node cannot join a cluster: " + string.Join(" ", problems));
        }
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
