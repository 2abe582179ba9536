namespace OpenHealthLive.Web.Tests.ScaleOut;

/// <summary>Redis, PostgreSQL and two app nodes, A and B, started once for the cluster tests.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public RedisServer Redis { get; } = new();

    public PostgresServer Postgres { get; } = new();

    public ClusterNode A { get; private set; } = null!;

    public ClusterNode B { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!RedisServer.IsInstalled || !PostgresServer.IsInstalled)
        {
            return;
        }

        await Redis.StartAsync();
        await Postgres.InitializeAsync();
        A = new ClusterNode("A", Postgres, Redis);
        await A.StartAsync();
        B = new ClusterNode("B", Postgres, Redis);
        await B.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (A is not null)
        {
            await A.DisposeAsync();
        }

        if (B is not null)
        {
            await B.DisposeAsync();
        }

        await Redis.DisposeAsync();
        if (PostgresServer.IsInstalled)
        {
            await Postgres.DisposeAsync();
        }
    }
}
