using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using OpenHealthLive.Core.Slides;
using OpenHealthLive.Web.Live;
using OpenHealthLive.Web.Tests.Infrastructure;

namespace OpenHealthLive.Web.Tests.Live;

public sealed class LiveSyncTests : IDisposable
{
    private const string Code = OpenHealthLiveFactory.DefaultCode;
    private readonly OpenHealthLiveFactory _factory = new();

    [Fact]
    public async Task Advancing_a_slide_updates_every_audience_phone()
    {
        await using var presenter = await _factory.ConnectAsync(await _factory.SignInAsync());
        await using var phoneA = await _factory.ConnectAsync();
        await using var phoneB = await _factory.ConnectAsync();
        var a = new SlideChangeRecorder(phoneA);
        var b = new SlideChangeRecorder(phoneB);
        var start = await phoneA.InvokeAsync<SlideState>(nameof(LiveHub.JoinSession), Code);
        await phoneB.InvokeAsync<SlideState>(nameof(LiveHub.JoinSession), Code);
        await presenter.InvokeAsync<PresenterJoined>(nameof(LiveHub.JoinAsPresenter), Code);

        await presenter.InvokeAsync<SlideState>(nameof(LiveHub.NextStep), Code);

        foreach (var recorder in new[] { a, b })
        {
            var state = await recorder.NextAsync();
            Assert.Equal(start.Slide + 1, state.Slide);
            Assert.Equal(start.Version + 1, state.Version);
            Assert.Contains("<h2", state.Html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_late_joiner_and_a_reconnecting_phone_land_on_the_current_slide()
    {
        await using var presenter = await _factory.ConnectAsync(await _factory.SignInAsync());
        await using (var early = await _factory.ConnectAsync())
        {
            await early.InvokeAsync<SlideState>(nameof(LiveHub.JoinSession), Code);
            await presenter.InvokeAsync<SlideState>(nameof(LiveHub.GoToSlide), Code, 3, 0);
        }

        await using var late = await _factory.ConnectAsync();
        var joined = await late.InvokeAsync<SlideState>(nameof(LiveHub.JoinSession), Code);
        Assert.Equal(3, joined.Slide);

        // A phone that dropped (new connection, as after a wifi drop) and joins again gets the newest state.
        await late.StopAsync();
        await presenter.InvokeAsync<SlideState>(nameof(LiveHub.NextStep), Code);
        await late.StartAsync();
        var rejoined = await late.InvokeAsync<SlideState>(nameof(LiveHub.JoinSession), Code);
        Assert.Equal(4, rejoined.Slide);
        Assert.Equal(joined.Version + 1, rejoined.Version);
    }

    [Fact]
    public async Task Clicks_from_two_presenter_devices_reach_phones_in_order_with_growing_versions()
    {
        var cookie = await _factory.SignInAsync();
        await using var laptop = await _factory.ConnectAsync(cookie);
        await using var remote = await _factory.ConnectAsync(cookie);
        await using var phone = await _factory.ConnectAsync();
        var recorder = new SlideChangeRecorder(phone);
        var start = await phone.InvokeAsync<SlideState>(nameof(LiveHub.JoinSession), Code);

        // Forward and back from two devices at once: the server orders them.
        var clicks = Enumerable.Range(0, 10).SelectMany(_ => new[]
        {
            laptop.InvokeAsync<SlideState>(nameof(LiveHub.NextStep), Code),
            remote.InvokeAsync<SlideState>(nameof(LiveHub.PreviousStep), Code),
        });
        var results = await Task.WhenAll(clicks);
        var moves = results.Select(r => r.Version).Distinct().Count(v => v > start.Version);

        var received = new List<SlideState>();
        for (var i = 0; i < moves; i++)
        {
            received.Add(await recorder.NextAsync());
        }

        Assert.Equal(received.Select(r => r.Version).Order(), received.Select(r => r.Version));
        Assert.Equal(received.Count, received.Select(r => r.Version).Distinct().Count());
        var final = await phone.InvokeAsync<SlideState>(nameof(LiveHub.JoinSession), Code);
        Assert.Equal(received[^1].Version, final.Version);
        Assert.Equal(received[^1].Slide, final.Slide);
    }

    [Fact]
    public async Task A_move_that_goes_nowhere_broadcasts_nothing_and_keeps_the_version()
    {
        await using var presenter = await _factory.ConnectAsync(await _factory.SignInAsync());
        var first = await presenter.InvokeAsync<SlideState>(nameof(LiveHub.FirstSlide), Code);
        var again = await presenter.InvokeAsync<SlideState>(nameof(LiveHub.PreviousStep), Code);
        Assert.Equal(first.Version, again.Version);
        Assert.Equal(0, again.Slide);
    }

    [Fact]
    public async Task Going_to_a_slide_that_does_not_exist_gets_a_clear_error()
    {
        await using var presenter = await _factory.ConnectAsync(await _factory.SignInAsync());
        var error = await Assert.ThrowsAsync<HubException>(() => presenter.InvokeAsync<SlideState>(nameof(LiveHub.GoToSlide), Code, 99, 0));
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Joining_with_a_bad_or_unknown_code_gets_a_clear_error()
    {
        await using var phone = await _factory.ConnectAsync();
        var unknown = await Assert.ThrowsAsync<HubException>(() => phone.InvokeAsync<SlideState>(nameof(LiveHub.JoinSession), "ZZZZZZ"));
        Assert.Contains("no session with code ZZZZZZ", unknown.Message, StringComparison.Ordinal);
        var malformed = await Assert.ThrowsAsync<HubException>(() => phone.InvokeAsync<SlideState>(nameof(LiveHub.JoinSession), new string('A', 300)));
        Assert.Contains("6 characters", malformed.Message, StringComparison.Ordinal);
        Assert.Equal(HubConnectionState.Connected, phone.State);
    }

    [Fact]
    public async Task A_hub_message_over_the_size_limit_is_refused_and_the_server_carries_on()
    {
        await using var abuser = await _factory.ConnectAsync();
        var closed = new TaskCompletionSource<Exception?>();
        abuser.Closed += error =>
        {
            closed.TrySetResult(error);
            return Task.CompletedTask;
        };

        var huge = new string('A', (int)LiveSetup.MaximumReceiveMessageSize + 1024);
        await Assert.ThrowsAnyAsync<Exception>(() => abuser.InvokeAsync<SlideState>(nameof(LiveHub.JoinSession), huge));
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(10));

        await using var phone = await _factory.ConnectAsync();
        var state = await phone.InvokeAsync<SlideState>(nameof(LiveHub.JoinSession), Code);
        Assert.Equal(Code, state.Code);
    }

    [Fact]
    public async Task The_presenter_sees_how_many_phones_follow()
    {
        await using var presenter = await _factory.ConnectAsync(await _factory.SignInAsync());
        var counts = new System.Threading.Channels.UnboundedChannelOptions();
        var channel = System.Threading.Channels.Channel.CreateUnbounded<AudienceCount>(counts);
        presenter.On<AudienceCount>(nameof(ILiveClient.AudienceCountChanged), c => channel.Writer.TryWrite(c));
        await presenter.InvokeAsync<PresenterJoined>(nameof(LiveHub.JoinAsPresenter), Code);
        await presenter.InvokeAsync(nameof(LiveHub.WatchRoom), Code);

        await using var phoneA = await _factory.ConnectAsync();
        await using var phoneB = await _factory.ConnectAsync();
        await phoneA.InvokeAsync<SlideState>(nameof(LiveHub.JoinSession), Code);
        await phoneB.InvokeAsync<SlideState>(nameof(LiveHub.JoinSession), Code);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var count = 0;
        while (count != 2)
        {
            count = (await channel.Reader.ReadAsync(timeout.Token)).Count;
        }

        await phoneB.StopAsync();
        while (count != 1)
        {
            count = (await channel.Reader.ReadAsync(timeout.Token)).Count;
        }

        var joined = await presenter.InvokeAsync<PresenterJoined>(nameof(LiveHub.JoinAsPresenter), Code);
        Assert.Equal(1, joined.AudienceCount.Count);
    }

    [Fact]
    public async Task Only_a_console_that_watches_the_room_is_sent_its_counts_and_the_projector_is_not()
    {
        var cookie = await _factory.SignInAsync();
        await using var console = await _factory.ConnectAsync(cookie);
        await using var projector = await _factory.ConnectAsync(cookie);
        var counts = System.Threading.Channels.Channel.CreateUnbounded<AudienceCount>();
        console.On<AudienceCount>(nameof(ILiveClient.AudienceCountChanged), c => counts.Writer.TryWrite(c));
        var projectorGot = new System.Collections.Concurrent.ConcurrentQueue<string>();
        projector.On<AudienceCount>(nameof(ILiveClient.AudienceCountChanged), _ => projectorGot.Enqueue(nameof(ILiveClient.AudienceCountChanged)));
        projector.On<Delivery>(nameof(ILiveClient.DeliveryChanged), _ => projectorGot.Enqueue(nameof(ILiveClient.DeliveryChanged)));
        var projectorSlides = new SlideChangeRecorder(projector);
        await console.InvokeAsync<PresenterJoined>(nameof(LiveHub.JoinAsPresenter), Code);
        await console.InvokeAsync(nameof(LiveHub.WatchRoom), Code);
        await projector.InvokeAsync<PresenterJoined>(nameof(LiveHub.JoinAsPresenter), Code);

        // Two counts, one after the other: the broadcaster had finished sending the first to every watcher when it
        // sent the second, so a projector in that group has been written the first before what follows.
        await using var phoneA = await _factory.ConnectAsync();
        await phoneA.InvokeAsync<SlideState>(nameof(LiveHub.JoinSession), Code);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while ((await counts.Reader.ReadAsync(timeout.Token)).Count != 1)
        {
        }

        await using var phoneB = await _factory.ConnectAsync();
        await phoneB.InvokeAsync<SlideState>(nameof(LiveHub.JoinSession), Code);
        while ((await counts.Reader.ReadAsync(timeout.Token)).Count != 2)
        {
        }

        await console.InvokeAsync<SlideState>(nameof(LiveHub.NextStep), Code);
        await projectorSlides.NextAsync();
        Assert.Empty(projectorGot);
    }

    [Fact]
    public async Task Phones_never_receive_speaker_notes()
    {
        var deck = _factory.GetService<DeckCatalog>().Get("getting-started").Deck!;
        await using var presenter = await _factory.ConnectAsync(await _factory.SignInAsync());
        await using var phone = await _factory.ConnectAsync();
        var recorder = new SlideChangeRecorder(phone);
        var joined = await phone.InvokeAsync<SlideState>(nameof(LiveHub.JoinSession), Code);
        var received = new List<SlideState> { joined };
        for (var i = 1; i < joined.SlideCount; i++)
        {
            await presenter.InvokeAsync<SlideState>(nameof(LiveHub.NextStep), Code);
            received.Add(await recorder.NextAsync());
        }

        Assert.Equal(deck.Slides.Count, received.Count);
        Assert.All(deck.Slides.Where(s => s.NotesHtml.Length > 0), slide =>
        {
            var notesText = System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(slide.NotesHtml, "<[^>]+>", string.Empty)).Trim();
            Assert.NotEmpty(notesText);
            Assert.DoesNotContain(received, s => s.Html.Contains(notesText[..Math.Min(40, notesText.Length)], StringComparison.Ordinal));
        });
    }

    public void Dispose() => _factory.Dispose();
}
