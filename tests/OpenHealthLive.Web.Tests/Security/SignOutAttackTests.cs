using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using OpenHealthLive.Core.Storage;
using OpenHealthLive.Web.Live;
using OpenHealthLive.Web.Tests.Infrastructure;

namespace OpenHealthLive.Web.Tests.Security;

/// <summary>
/// Someone copied the presenter's cookie (a shared laptop, a synced browser profile, a proxy log) or kept a
/// console open; the presenter signs out. The copy and the open connection must stop working at once.
/// </summary>
public sealed class SignOutAttackTests : IDisposable
{
    private const string Code = OpenHealthLiveFactory.DefaultCode;
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(10);

    private readonly OpenHealthLiveFactory _factory = new();

    [Fact]
    public async Task A_presenter_cookie_copied_before_sign_out_opens_neither_the_console_nor_the_exports()
    {
        using var laptop = await SignedInBrowserAsync();
        var copy = laptop.Cookie("ohl.presenter")!;
        using (var signOut = await laptop.SignOutAsync())
        {
            Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        }

        using var thief = _factory.CreatePlainClient();
        foreach (var path in new[] { "/presenter", $"/presenter/{Code}", $"/presenter/{Code}/remote", $"/presenter/{Code}/questions.csv", $"/presenter/{Code}/questions.json" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Add("Cookie", copy);
            using var response = await thief.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{path} with a cookie copied before sign-out answered {(int)response.StatusCode}.");
            Assert.StartsWith("/presenter/sign-in", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_presenter_cookie_copied_before_sign_out_gives_no_presenter_rights_on_the_hub()
    {
        using var laptop = await SignedInBrowserAsync();
        var copy = laptop.Cookie("ohl.presenter")!;
        using (await laptop.SignOutAsync())
        {
        }

        await using var thief = await _factory.ConnectAsync(copy);
        var error = await Assert.ThrowsAsync<HubException>(() => thief.InvokeAsync<SlideState>(nameof(LiveHub.NextStep), Code));
        Assert.Contains("/presenter/sign-in", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hub_connection_opened_before_sign_out_is_closed_at_once_and_gets_no_more_presenter_pushes()
    {
        using var laptop = await SignedInBrowserAsync();
        using var remote = await SignedInBrowserAsync();
        var stale = laptop.Cookie("ohl.presenter")!;
        await using var console = await _factory.ConnectAsync(stale);
        var consoleWatch = new Watch(console);
        await console.InvokeAsync<PresenterJoined>(nameof(LiveHub.JoinAsPresenter), Code);
        await using var phoneRemote = await _factory.ConnectAsync(remote.Cookie("ohl.presenter"));
        var remoteWatch = new Watch(phoneRemote);
        await phoneRemote.InvokeAsync<PresenterJoined>(nameof(LiveHub.JoinAsPresenter), Code);

        using (await laptop.SignOutAsync())
        {
        }

        Assert.True(await consoleWatch.ClosedAsync(EventTimeout), "The server did not close the signed-out console's hub connection.");

        // A presenter push goes to the remote that is still signed in, and to nobody else.
        await phoneRemote.InvokeAsync<ProjectorState>(nameof(LiveHub.SetProjector), Code, true, false);
        Assert.True((await remoteWatch.NextProjectorAsync(EventTimeout)).Blackout);
        Assert.Empty(consoleWatch.Projector);

        // Connecting again with the same cookie, as the console page would, gets no presenter rights.
        await using var again = await _factory.ConnectAsync(stale);
        var againWatch = new Watch(again);
        var error = await Assert.ThrowsAsync<HubException>(() => again.InvokeAsync<PresenterJoined>(nameof(LiveHub.JoinAsPresenter), Code));
        Assert.Contains("/presenter/sign-in", error.Message, StringComparison.Ordinal);
        await phoneRemote.InvokeAsync<ProjectorState>(nameof(LiveHub.SetProjector), Code, false, false);
        Assert.False((await remoteWatch.NextProjectorAsync(EventTimeout)).Blackout);
        // A round trip on the same connection: a push sent to it before the answer would have arrived by now.
        await again.InvokeAsync<SlideState>(nameof(LiveHub.JoinSession), Code);
        Assert.Empty(againWatch.Projector);
    }

    [Fact]
    public async Task A_console_with_stateful_reconnect_is_not_resumed_after_sign_out_and_starts_again_without_presenter_rights()
    {
        using var laptop = await SignedInBrowserAsync();
        using var remote = await SignedInBrowserAsync();
        // As the console page connects: stateful reconnect (a short drop resumes the same connection) and automatic reconnect.
        var server = _factory.Server;
        var stale = laptop.Cookie("ohl.presenter")!;
        await using var console = new HubConnectionBuilder()
            .WithUrl(_factory.HubUrl, options =>
            {
                options.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.WebSockets;
                options.HttpMessageHandlerFactory = _ => server.CreateHandler();
                options.Headers["Cookie"] = stale;
                options.WebSocketFactory = async (context, cancellationToken) =>
                {
                    var client = server.CreateWebSocketClient();
                    client.ConfigureRequest = request => request.Headers.Cookie = stale;
                    return await client.ConnectAsync(context.Uri, cancellationToken);
                };
            })
            .WithStatefulReconnect()
            .WithAutomaticReconnect([TimeSpan.Zero, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1)])
            .Build();
        var consoleWatch = new Watch(console);
        var reconnected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        console.Reconnected += _ =>
        {
            reconnected.TrySetResult();
            return Task.CompletedTask;
        };
        await console.StartAsync();
        await console.InvokeAsync<PresenterJoined>(nameof(LiveHub.JoinAsPresenter), Code);
        await using var phoneRemote = await _factory.ConnectAsync(remote.Cookie("ohl.presenter"));
        var remoteWatch = new Watch(phoneRemote);
        await phoneRemote.InvokeAsync<PresenterJoined>(nameof(LiveHub.JoinAsPresenter), Code);

        using (await laptop.SignOutAsync())
        {
        }

        // Closed for good (told not to reconnect: a resumed connection would keep its presenter user and groups).
        Assert.True(await consoleWatch.ClosedAsync(EventTimeout), "The signed-out console's connection was not closed.");
        Assert.False(reconnected.Task.IsCompleted, "The signed-out console's connection was resumed.");

        // The page starts a new connection, with the same cookie.
        await console.StartAsync();
        var error = await Assert.ThrowsAsync<HubException>(() => console.InvokeAsync<PresenterJoined>(nameof(LiveHub.JoinAsPresenter), Code));
        Assert.Contains("/presenter/sign-in", error.Message, StringComparison.Ordinal);
        await phoneRemote.InvokeAsync<ProjectorState>(nameof(LiveHub.SetProjector), Code, true, false);
        Assert.True((await remoteWatch.NextProjectorAsync(EventTimeout)).Blackout);
        await console.InvokeAsync<SlideState>(nameof(LiveHub.JoinSession), Code);
        Assert.Empty(consoleWatch.Projector);
    }

    [Fact]
    public async Task A_sign_out_recorded_by_another_node_refuses_the_next_call_and_closes_the_connection_within_seconds()
    {
        using var laptop = await SignedInBrowserAsync();
        await using var console = await _factory.ConnectAsync(laptop.Cookie("ohl.presenter"));
        var watch = new Watch(console);
        await console.InvokeAsync<PresenterJoined>(nameof(LiveHub.JoinAsPresenter), Code);

        // Another node of a cluster signs the presenter out: it only changes the shared database.
        var dbFactory = _factory.GetService<IDbContextFactory<LiveDbContext>>();
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            foreach (var signIn in await db.PresenterSignIns.ToListAsync())
            {
                signIn.RevokedAt = DateTimeOffset.UtcNow;
            }

            await db.SaveChangesAsync();
        }

        var error = await Assert.ThrowsAsync<HubException>(() => console.InvokeAsync<SlideState>(nameof(LiveHub.NextStep), Code));
        Assert.Contains("/presenter/sign-in", error.Message, StringComparison.Ordinal);
        Assert.True(await watch.ClosedAsync(EventTimeout), "The connection of a sign-in revoked elsewhere was not closed.");
    }

    [Fact]
    public async Task Sign_out_every_device_ends_every_sign_in_and_closes_their_connections()
    {
        using var laptop = await SignedInBrowserAsync();
        using var remote = await SignedInBrowserAsync();
        var remoteCookie = remote.Cookie("ohl.presenter")!;
        await using var remoteHub = await _factory.ConnectAsync(remoteCookie);
        var watch = new Watch(remoteHub);
        await remoteHub.InvokeAsync<PresenterJoined>(nameof(LiveHub.JoinAsPresenter), Code);

        using (var everywhere = await laptop.PostFormAsync("/presenter", "/presenter?handler=SignOutEverywhere", new Dictionary<string, string>()))
        {
            Assert.Equal(HttpStatusCode.Redirect, everywhere.StatusCode);
        }

        Assert.Null(laptop.Cookie("ohl.presenter"));
        Assert.True(await watch.ClosedAsync(EventTimeout), "The other device's hub connection stayed open.");
        using var client = _factory.CreatePlainClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/presenter");
        request.Headers.Add("Cookie", remoteCookie);
        using var page = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
    }

    public void Dispose() => _factory.Dispose();

    private async Task<Browser> SignedInBrowserAsync()
    {
        var browser = new Browser(_factory.CreatePlainClient());
        using var signIn = await browser.SignInAsync(OpenHealthLiveFactory.PresenterKey);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        return browser;
    }

    /// <summary>What a hub connection is told: presenter pushes of the projector state, and when it is closed.</summary>
    private sealed class Watch
    {
        private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly Channel<ProjectorState> _projector = Channel.CreateUnbounded<ProjectorState>();

        public Watch(HubConnection connection)
        {
            connection.On<ProjectorState>(nameof(ILiveClient.ProjectorChanged), state =>
            {
                Projector.Add(state);
                _projector.Writer.TryWrite(state);
            });
            connection.Closed += _ =>
            {
                _closed.TrySetResult();
                return Task.CompletedTask;
            };
        }

        public System.Collections.Concurrent.ConcurrentBag<ProjectorState> Projector { get; } = [];

        public async Task<bool> ClosedAsync(TimeSpan timeout) => await Task.WhenAny(_closed.Task, Task.Delay(timeout)) == _closed.Task;

        public async Task<ProjectorState> NextProjectorAsync(TimeSpan timeout)
        {
            using var cancellation = new CancellationTokenSource(timeout);
            return await _projector.Reader.ReadAsync(cancellation.Token);
        }
    }
}
