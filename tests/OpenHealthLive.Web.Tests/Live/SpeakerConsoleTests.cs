using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using OpenHealthLive.Web.Live;
using OpenHealthLive.Web.Questions;
using OpenHealthLive.Web.Tests.Infrastructure;

namespace OpenHealthLive.Web.Tests.Live;

public sealed class SpeakerConsoleTests : IDisposable
{
    private const string Code = OpenHealthLiveFactory.DefaultCode;
    private readonly OpenHealthLiveFactory _factory = new();

    [Fact]
    public async Task The_presenter_sees_how_many_phones_show_the_current_slide_and_a_lagging_phone_is_not_counted()
    {
        var (presenter, deliveries) = await JoinAsPresenterWatchingDeliveryAsync();
        await using var _ = presenter;

        var phones = new List<HubConnection>();
        for (var i = 0; i < 3; i++)
        {
            var phone = await _factory.ConnectPhoneAsync();
            await phone.InvokeAsync<SlideState>(nameof(LiveHub.JoinSession), Code);
            phones.Add(phone);
        }

        var moved = await presenter.InvokeAsync<SlideState>(nameof(LiveHub.NextStep), Code);
        // Two phones show the new slide and say so; the third is lagging and says nothing yet.
        await phones[0].SendAsync(nameof(LiveHub.AcknowledgeSlide), Code, moved.Version, 0);
        await phones[1].SendAsync(nameof(LiveHub.AcknowledgeSlide), Code, moved.Version, 0);

        var seen = await WaitForAsync(deliveries, d => d.Version == moved.Version && d.Phones == 3 && d.OnCurrent == 2);
        Assert.Equal(1, seen.Slide);
        Assert.NotNull(seen.P95Ms);
        Assert.True(seen.MaxMs >= seen.P95Ms);

        // An old acknowledgement (a late message) does not count for the current slide. A hub call on the same
        // connection after it returns only once the acknowledgement before it has been handled.
        await phones[2].SendAsync(nameof(LiveHub.AcknowledgeSlide), Code, moved.Version - 1, 0);
        await phones[2].InvokeAsync<AudienceQna>(nameof(LiveHub.GetQuestions), Code);

        // A phone that leaves is no longer counted at all: of the two left, only phones[1] acknowledged this slide.
        await phones[0].StopAsync();
        var afterLeaving = await WaitForAsync(deliveries, d => d.Version == moved.Version && d.Phones == 2);
        Assert.Equal(1, afterLeaving.OnCurrent);

        await phones[2].SendAsync(nameof(LiveHub.AcknowledgeSlide), Code, moved.Version, 0);
        await WaitForAsync(deliveries, d => d.Version == moved.Version && d.Phones == 2 && d.OnCurrent == 2);
        foreach (var phone in phones)
        {
            await phone.DisposeAsync();
        }
    }

    [Fact]
    public async Task The_time_a_phone_waited_before_acknowledging_is_not_counted_as_delivery_time()
    {
        // The server's clock stands still unless moved: the delays below are exactly what the test makes them.
        var clock = new StoppedClock();
        _factory.Clock = clock;
        var (presenter, deliveries) = await JoinAsPresenterWatchingDeliveryAsync();
        await using var _ = presenter;
        await using var phone = await _factory.ConnectPhoneAsync();
        await phone.InvokeAsync<SlideState>(nameof(LiveHub.JoinSession), Code);

        // Arrived 300 ms after it was sent, shown 2.5 s before the acknowledgement, saying so: 300 ms of delivery.
        var moved = await presenter.InvokeAsync<SlideState>(nameof(LiveHub.NextStep), Code);
        clock.Advance(TimeSpan.FromMilliseconds(2_800));
        await phone.SendAsync(nameof(LiveHub.AcknowledgeSlide), Code, moved.Version, 2_500);
        var waited = await WaitForAsync(deliveries, d => d.Version == moved.Version && d.OnCurrent == 1);
        Assert.Equal(300, waited.MaxMs);

        // The same wait not reported counts in full.
        moved = await presenter.InvokeAsync<SlideState>(nameof(LiveHub.NextStep), Code);
        clock.Advance(TimeSpan.FromMilliseconds(2_800));
        await phone.SendAsync(nameof(LiveHub.AcknowledgeSlide), Code, moved.Version, 0);
        var unreported = await WaitForAsync(deliveries, d => d.Version == moved.Version && d.OnCurrent == 1);
        Assert.Equal(2_800, unreported.MaxMs);

        // A wait longer than the phone could have waited is capped, and no delay is ever negative.
        moved = await presenter.InvokeAsync<SlideState>(nameof(LiveHub.NextStep), Code);
        await phone.SendAsync(nameof(LiveHub.AcknowledgeSlide), Code, moved.Version, int.MaxValue);
        var capped = await WaitForAsync(deliveries, d => d.Version == moved.Version && d.OnCurrent == 1);
        Assert.Equal(0, capped.MaxMs);
    }

    [Fact]
    public async Task Timer_and_projector_state_are_shared_by_every_presenter_device()
    {
        var cookie = await _factory.SignInAsync();
        await using var laptop = await _factory.ConnectAsync(cookie);
        await using var remote = await _factory.ConnectAsync(cookie);
        var timers = Channel.CreateUnbounded<TimerState>();
        var projector = Channel.CreateUnbounded<ProjectorState>();
        remote.On<TimerState>(nameof(ILiveClient.TimerChanged), t => timers.Writer.TryWrite(t));
        remote.On<ProjectorState>(nameof(ILiveClient.ProjectorChanged), p => projector.Writer.TryWrite(p));
        await laptop.InvokeAsync<PresenterJoined>(nameof(LiveHub.JoinAsPresenter), Code);
        var joined = await remote.InvokeAsync<PresenterJoined>(nameof(LiveHub.JoinAsPresenter), Code);
        Assert.False(joined.Timer.Running);

        await laptop.InvokeAsync<TimerState>(nameof(LiveHub.StartTimer), Code);
        Assert.True((await WaitForAsync(timers, _ => true)).Running);
        await laptop.InvokeAsync<ProjectorState>(nameof(LiveHub.SetProjector), Code, true, false);
        Assert.True((await WaitForAsync(projector, _ => true)).Blackout);

        // A device that joins later gets both.
        await using var late = await _factory.ConnectAsync(cookie);
        var lateJoin = await late.InvokeAsync<PresenterJoined>(nameof(LiveHub.JoinAsPresenter), Code);
        Assert.True(lateJoin.Timer.Running);
        Assert.True(lateJoin.Projector.Blackout);
        Assert.False(lateJoin.Projector.JoinOverlay);
    }

    /// <summary>A signed-in presenter device joined to the session, with every delivery figure it is sent.</summary>
    private async Task<(HubConnection Presenter, Channel<Delivery> Deliveries)> JoinAsPresenterWatchingDeliveryAsync()
    {
        var presenter = await _factory.ConnectAsync(await _factory.SignInAsync());
        var deliveries = Channel.CreateUnbounded<Delivery>();
        presenter.On<Delivery>(nameof(ILiveClient.DeliveryChanged), d => deliveries.Writer.TryWrite(d));
        await presenter.InvokeAsync<PresenterJoined>(nameof(LiveHub.JoinAsPresenter), Code);
        await presenter.InvokeAsync(nameof(LiveHub.WatchRoom), Code);
        return (presenter, deliveries);
    }

    public void Dispose() => _factory.Dispose();

    private static async Task<T> WaitForAsync<T>(Channel<T> channel, Func<T, bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (true)
        {
            var item = await channel.Reader.ReadAsync(timeout.Token);
            if (condition(item))
            {
                return item;
            }
        }
    }
}
