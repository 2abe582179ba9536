using OpenHealthLive.Web.Tests.Infrastructure;

namespace OpenHealthLive.Web.Tests.ScaleOut;

/// <summary>A node configured for a cluster refuses to start, saying why, when it would not share the room with the others.</summary>
public sealed class ClusterConfigurationTests
{
    [Theory]
    [InlineData("Cluster:RedisConnectionString", "Cluster:RedisConnectionString is empty")]
    [InlineData("Storage:Provider", "set Storage:Provider to Postgres")]
    [InlineData("Presenter:Key", "every node needs the same Presenter:Key")]
    [InlineData("Join:DefaultSessionCode", "set Join:DefaultSessionCode on every node")]
    public void A_node_missing_a_shared_setting_does_not_start(string missing, string reason)
    {
        using var factory = new OpenHealthLiveFactory();
        factory.Settings["Cluster:Backplane"] = "Redis";
        factory.Settings["Cluster:RedisConnectionString"] = "127.0.0.1:1,abortConnect=false";
        factory.Settings["Storage:Provider"] = "Postgres";
        factory.Settings["Storage:ConnectionString"] = "Host=127.0.0.1;Port=1;Username=ohl;Database=openhealthlive";
        factory.Settings[missing] = missing == "Storage:Provider" ? "Sqlite" : null;

        var error = Assert.Throws<InvalidOperationException>(() => factory.CreateClient());

        Assert.Contains("This node cannot join a cluster", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }
}
