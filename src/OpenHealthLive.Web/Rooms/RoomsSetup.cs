using OpenHealthLive.Core.Sessions;
using OpenHealthLive.Web.Infrastructure;
using OpenHealthLive.Web.Join;

namespace OpenHealthLive.Web.Rooms;

internal static class RoomsSetup
{
    /// <summary>
    /// What every live feature shares: reaching a talk's followers, on every node of a cluster, and the audience's
    /// write allowances.
    /// </summary>
    public static WebApplicationBuilder AddRooms(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<LocalFollowers>();
        builder.Services.AddSingleton(typeof(FollowerBroadcast<>));
        builder.Services.AddOptions<AudienceLimitsOptions>()
            .BindConfiguration(AudienceLimitsOptions.SectionName, AudienceLimitsOptions.Renamed)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<HubRateLimits>();
        builder.AddCluster();
        return builder;
    }

    /// <summary>
    /// Several nodes behind one address share SignalR messages through Redis, and keep copies of shared state only
    /// briefly (<see cref="NodeTopology"/>).
    /// </summary>
    private static void AddCluster(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ClusterOptions>()
            .BindConfiguration(ClusterOptions.SectionName, ClusterOptions.Renamed)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // Whether this node is one of several decides what is registered, so it is read while the app is built.
        var cluster = RenamedSettings.Read<ClusterOptions>(builder.Configuration, ClusterOptions.SectionName, ClusterOptions.Renamed);
        builder.Services.AddSingleton(new NodeTopology(cluster.MultiNode, cluster.NodeName ?? $"{Environment.MachineName}:{Environment.ProcessId}")
        {
            CacheLifetime = TimeSpan.FromMilliseconds(cluster.CacheMilliseconds),
        });
        if (!cluster.MultiNode)
        {
            return;
        }

        ValidateCluster(builder.Configuration, cluster);
        var backplane = new BackplaneConnection();
        builder.Services.AddSingleton(backplane);
        builder.Services.AddSignalR().AddStackExchangeRedis(cluster.RedisConnectionString!, redis =>
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

    /// <summary>
    /// What every node of a cluster must share, checked at start-up so that a misconfigured node refuses to start
    /// with the reason rather than quietly serving a different room.
    /// </summary>
    private static void ValidateCluster(ConfigurationManager configuration, ClusterOptions cluster)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(cluster.RedisConnectionString))
        {
            problems.Add("Cluster:Backplane is Redis but Cluster:RedisConnectionString is empty.");
        }

        if (!string.Equals(configuration["Storage:Provider"], "Postgres", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add("Cluster:Backplane is Redis, so the nodes must share one database: set Storage:Provider to Postgres (a SQLite file belongs to one node).");
        }

        if (string.IsNullOrWhiteSpace(configuration["Presenter:Key"]))
        {
            problems.Add("Cluster:Backplane is Redis, so every node needs the same Presenter:Key (a generated key would differ per node).");
        }

        var join = RenamedSettings.Read<JoinOptions>(configuration, JoinOptions.SectionName, JoinOptions.Renamed);
        if (string.IsNullOrWhiteSpace(join.DefaultSessionCode))
        {
            problems.Add("Cluster:Backplane is Redis, so set Join:DefaultSessionCode on every node: nodes starting together would otherwise each make a code of their own.");
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException("This node cannot join a cluster: " + string.Join(" ", problems));
        }
    }
}
