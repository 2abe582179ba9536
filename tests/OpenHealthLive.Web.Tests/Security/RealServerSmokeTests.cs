using System.Net;
using Microsoft.AspNetCore.SignalR.Client;
using OpenHealthLive.Web.Tests.Infrastructure;

namespace OpenHealthLive.Web.Tests.Security;

/// <summary>The attack harness itself: a client bound to another loopback address is seen by the server as that address.</summary>
public sealed class RealServerSmokeTests : IDisposable
{
    private readonly OpenHealthLiveFactory _factory = new();

    [Fact]
    public async Task A_client_bound_to_another_loopback_address_reaches_the_server_over_http_and_the_hub()
    {
        var server = _factory.StartOnKestrel();
        using var client = RealServer.Client(server, IPAddress.Parse("127.0.0.2"));
        using var health = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);

        await using var hub = RealServer.Hub(server, from: IPAddress.Parse("127.0.0.3"));
        await hub.StartAsync();
        Assert.Equal(HubConnectionState.Connected, hub.State);
    }

    public void Dispose() => _factory.Dispose();
}
