using System.Net;
using Microsoft.AspNetCore.SignalR.Client;
using OpenHealthLive.Web.Live;
using OpenHealthLive.Web.Tests.Infrastructure;

namespace OpenHealthLive.Web.Tests.Security;

/// <summary>One laptop cannot hold an unbounded number of hub connections; the limit never locks out the presenter or other addresses.</summary>
public sealed class ConnectionsPerAddressTests : IDisposable
{
    private static readonly IPAddress Attacker = IPAddress.Parse("127.0.0.2");
    private readonly OpenHealthLiveFactory _factory = new();

    [Fact]
    public async Task An_address_at_its_limit_is_refused_new_connections_while_the_presenter_and_other_addresses_connect()
    {
        _factory.Settings["AudienceLimits:MaxConnectionsPerAddress"] = "3";
        var server = _factory.StartOnKestrel();
        var held = new List<HubConnection>();
        for (var i = 0; i < 3; i++)
        {
            var connection = RealServer.Hub(server, from: Attacker);
            await connection.StartAsync();
            held.Add(connection);
        }

        // A client's start completes with the handshake; the server counts the connection a moment later.
        var counted = _factory.GetService<ConnectionsPerAddress>();
        await WaitUntilAsync(() => Task.FromResult(counted.OpenFrom(Attacker.ToString()) == 3));

        using var attacker = RealServer.Client(server, Attacker);
        using (var negotiate = await attacker.PostAsync(new Uri("/hubs/live/negotiate?negotiateVersion=1", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, negotiate.StatusCode);
            Assert.Contains("Too many connections from this network", await negotiate.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        await using (var fourth = RealServer.Hub(server, from: Attacker))
        {
            var refused = await Assert.ThrowsAsync<HttpRequestException>(() => fourth.StartAsync());
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        }

        await using (var neighbour = RealServer.Hub(server, from: IPAddress.Parse("127.0.0.3")))
        {
            await neighbour.StartAsync();
            Assert.Equal(HubConnectionState.Connected, neighbour.State);
        }

        // The presenter behind the same address is never refused.
        var presenterCookie = await OpenHealthLiveFactory.SignInAsync(attacker);
        await using (var presenter = RealServer.Hub(server, presenterCookie, Attacker))
        {
            await presenter.StartAsync();
            await presenter.InvokeAsync<PresenterJoined>(nameof(LiveHub.JoinAsPresenter), OpenHealthLiveFactory.DefaultCode);
        }

        // A connection that closes gives its place back.
        await held[0].DisposeAsync();
        held.RemoveAt(0);
        await WaitUntilAsync(async () =>
        {
            using var again = await attacker.PostAsync(new Uri("/hubs/live/negotiate?negotiateVersion=1", UriKind.Relative), null);
            return again.StatusCode == HttpStatusCode.OK;
        });

        foreach (var connection in held)
        {
            await connection.DisposeAsync();
        }
    }

    public void Dispose() => _factory.Dispose();

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!await condition())
        {
            await Task.Delay(50, timeout.Token);
        }
    }
}
