using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using OpenHealthLive.Core.Sessions;
using OpenHealthLive.Web.Presenter;
using OpenHealthLive.Web.Tests.ScaleOut;

namespace OpenHealthLive.Web.Tests.Captions;

/// <summary>
/// Two nodes on PostgreSQL and Redis: captions take the path every change takes (Core, the notifier, the broadcast),
/// so a line written through one node reaches the caption readers connected to the other, from the console and from
/// the HTTP endpoint alike, and a phone turning captions on through either node reads the same lines.
/// </summary>
public sealed class CaptionClusterTests(ClusterFixture cluster) : IClassFixture<ClusterFixture>
{
    [ScaleOutFact]
    public async Task A_caption_written_through_one_node_reaches_the_readers_on_the_other()
    {
        var code = (await cluster.A.Services.GetRequiredService<LiveSessionService>().StartAsync("open-healthcare", CancellationToken.None)).Code;
        await using var console = await cluster.A.ConnectAsync(await cluster.A.SignInAsync());
        await console.InvokeAsync<JsonElement>("JoinAsCaptioner", code);
        var onB = await ReaderAsync(cluster.B, code);
        var onA = await ReaderAsync(cluster.A, code);

        await console.InvokeAsync<JsonElement>("TypeCaption", code, "Typed through node");
        Assert.Equal("Typed through node", (await onB.Next("CaptionTyping")).GetProperty("text").GetString());
        await console.InvokeAsync<JsonElement>("CommitCaption", code, "Typed through node A.", null);
        Assert.Equal("Typed through node A.", (await onB.Next("CaptionCommitted")).GetProperty("text").GetString());

        // Captioning software posting to node B reaches a phone on node A.
        var link = await cluster.A.Services.GetRequiredService<SessionGrants>().IssueAsync(code, StaffRole.Captioner, CancellationToken.None);
        using var http = cluster.B.CreateHttp();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/sessions/{code}/captions") { Content = new StringContent("Posted to node B.", Encoding.UTF8, "text/plain") };
        request.Headers.Authorization = new("Bearer", link.Secret);
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Typed through node A.", (await onA.Next("CaptionCommitted")).GetProperty("text").GetString());
        Assert.Equal("Posted to node B.", (await onA.Next("CaptionCommitted")).GetProperty("text").GetString());

        // Both nodes read the same stored lines.
        await using var late = await cluster.B.ConnectPhoneAsync();
        var history = await late.InvokeAsync<JsonElement>("FollowCaptions", code, true);
        Assert.Equal(["Typed through node A.", "Posted to node B."], history.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("text").GetString()));
        await onA.DisposeAsync();
        await onB.DisposeAsync();
    }

    private static async Task<Reader> ReaderAsync(ClusterNode node, string code)
    {
        var connection = await node.ConnectPhoneAsync();
        var reader = new Reader(connection);
        await connection.InvokeAsync<JsonElement>("JoinSession", code);
        await connection.InvokeAsync<JsonElement>("FollowCaptions", code, true);
        return reader;
    }

    private sealed class Reader : IAsyncDisposable
    {
        private readonly System.Threading.Channels.Channel<(string Event, JsonElement Message)> _received = System.Threading.Channels.Channel.CreateUnbounded<(string, JsonElement)>();
        private readonly HubConnection _connection;

        public Reader(HubConnection connection)
        {
            _connection = connection;
            foreach (var name in new[] { "CaptionTyping", "CaptionCommitted" })
            {
                connection.On<JsonElement>(name, m => _received.Writer.TryWrite((name, m.Clone())));
            }
        }

        /// <summary>The next event of <paramref name="name"/>, skipping others; fails after 10 s.</summary>
        public async Task<JsonElement> Next(string name)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            while (true)
            {
                var (received, message) = await _received.Reader.ReadAsync(timeout.Token);
                if (received == name)
                {
                    return message;
                }
            }
        }

        public ValueTask DisposeAsync() => _connection.DisposeAsync();
    }
}
