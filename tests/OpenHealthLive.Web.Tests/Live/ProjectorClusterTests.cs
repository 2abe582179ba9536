using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using OpenHealthLive.Core.Sessions;
using OpenHealthLive.Web.Live;
using OpenHealthLive.Web.Polls;
using OpenHealthLive.Web.Tests.ScaleOut;

namespace OpenHealthLive.Web.Tests.Live;

/// <summary>
/// Two nodes on PostgreSQL and Redis: the projector's state and a slide's polls opening take the path a slide change
/// takes (Core, the database, the notifier), so whichever node a change goes through, a screen on the other follows,
/// and a screen that joins later finds the state as it is.
/// </summary>
public sealed class ProjectorClusterTests(ClusterFixture cluster) : IClassFixture<ClusterFixture>
{
    [ScaleOutFact]
    public async Task A_projector_on_one_node_follows_a_blackout_set_on_the_other_and_finds_it_when_it_joins_again()
    {
        var code = (await cluster.A.Services.GetRequiredService<LiveSessionService>().StartAsync("open-healthcare", CancellationToken.None)).Code;
        await using var console = await cluster.A.ConnectAsync(await cluster.A.SignInAsync());
        await console.InvokeAsync<JsonElement>(nameof(LiveHub.JoinAsPresenter), code);
        var signInOnB = await cluster.B.SignInAsync();
        await using var projector = await cluster.B.ConnectAsync(signInOnB);
        var changes = Channel.CreateUnbounded<JsonElement>();
        projector.On<JsonElement>(nameof(ILiveClient.ProjectorChanged), m => changes.Writer.TryWrite(m.Clone()));
        var joined = await projector.InvokeAsync<JsonElement>(nameof(LiveHub.JoinAsPresenter), code);
        Assert.False(joined.GetProperty("projector").GetProperty("blackout").GetBoolean());

        await console.InvokeAsync<JsonElement>(nameof(LiveHub.SetProjector), code, true, false);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        Assert.True((await changes.Reader.ReadAsync(timeout.Token)).GetProperty("blackout").GetBoolean());

        // The projector's page reloads (or its connection drops) and joins node B again.
        await using var reloaded = await cluster.B.ConnectAsync(signInOnB);
        var rejoined = await reloaded.InvokeAsync<JsonElement>(nameof(LiveHub.JoinAsPresenter), code);
        Assert.True(rejoined.GetProperty("projector").GetProperty("blackout").GetBoolean(), "node B does not know of the blackout set through node A");
    }

    [ScaleOutFact]
    public async Task The_cluster_heartbeat_carries_the_projector_revision_so_a_projector_that_missed_a_change_joins_again()
    {
        var code = (await cluster.A.Services.GetRequiredService<LiveSessionService>().StartAsync("open-healthcare", CancellationToken.None)).Code;
        await using var console = await cluster.A.ConnectAsync(await cluster.A.SignInAsync());
        await using var phone = await cluster.B.ConnectPhoneAsync();
        await phone.InvokeAsync<JsonElement>(nameof(LiveHub.JoinSession), code);
        await using var projector = await cluster.B.ConnectAsync(await cluster.B.SignInAsync());
        var heartbeats = Channel.CreateUnbounded<JsonElement>();
        projector.On<JsonElement>(nameof(ILiveClient.StateHeartbeat), m => heartbeats.Writer.TryWrite(m.Clone()));
        await projector.InvokeAsync<JsonElement>(nameof(LiveHub.JoinAsPresenter), code);

        await console.InvokeAsync<JsonElement>(nameof(LiveHub.SetProjector), code, true, false);
        var latest = (await console.InvokeAsync<JsonElement>(nameof(LiveHub.SetProjector), code, true, true)).GetProperty("revision").GetInt64();

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while ((await heartbeats.Reader.ReadAsync(timeout.Token)).GetProperty("projectorRevision").GetInt64() != latest)
        {
            // An earlier heartbeat, from before the change was read: the next one carries it.
        }
    }

    [ScaleOutFact]
    public async Task An_auto_open_poll_opens_for_phones_on_one_node_when_the_slide_is_moved_through_the_other()
    {
        var code = (await cluster.A.Services.GetRequiredService<LiveSessionService>().StartAsync("open-healthcare", CancellationToken.None)).Code;
        await using var console = await cluster.A.ConnectAsync(await cluster.A.SignInAsync());
        var poll = (await console.InvokeAsync<List<PresenterPoll>>(nameof(LiveHub.GetPollDashboard), code)).First(p => p.AutoOpen);
        await using var phone = await cluster.B.ConnectPhoneAsync();
        var opened = Channel.CreateUnbounded<JsonElement>();
        phone.On<JsonElement>(nameof(ILiveClient.PollChanged), m => opened.Writer.TryWrite(m.Clone()));
        await phone.InvokeAsync<JsonElement>(nameof(LiveHub.JoinSession), code);

        // Not the hub: whatever moves the talk (here node A's Core service, as an HTTP endpoint or a tool would).
        await cluster.A.Services.GetRequiredService<LiveSessionService>().NavigateAsync(code, Navigation.GoTo(poll.SlideIndex), CancellationToken.None);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        JsonElement message;
        do
        {
            message = await opened.Reader.ReadAsync(timeout.Token);
        }
        while (message.GetProperty("id").GetString() != poll.Id);

        Assert.True(message.GetProperty("isOpen").GetBoolean());
    }
}
