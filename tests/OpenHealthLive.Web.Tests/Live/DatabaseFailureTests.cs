using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using OpenHealthLive.Web.Live;
using OpenHealthLive.Web.Questions;
using OpenHealthLive.Web.Tests.Infrastructure;

namespace OpenHealthLive.Web.Tests.Live;

public sealed class DatabaseFailureTests : IDisposable
{
    private const string Code = OpenHealthLiveFactory.DefaultCode;
    private readonly OpenHealthLiveFactory _factory = new();

    [Fact]
    public async Task When_the_database_refuses_writes_posting_gets_an_explicit_error_and_slides_keep_working()
    {
        await using var presenter = await _factory.ConnectAsync(await _factory.SignInAsync());
        await using var phone = await _factory.ConnectPhoneAsync();
        var slides = new SlideChangeRecorder(phone);
        await phone.InvokeAsync<SlideState>(nameof(LiveHub.JoinSession), Code);

        _factory.Writes.Failing = true;
        var error = await Assert.ThrowsAsync<HubException>(() => phone.InvokeAsync<AskQuestionResult>(nameof(LiveHub.AskQuestion), Code, "kept-1", "Will this be saved?", null));
        Assert.Contains("Not saved yet: the server could not store it right now", error.Message, StringComparison.Ordinal);

        // The presenter goes on; the room follows from memory.
        await presenter.InvokeAsync<SlideState>(nameof(LiveHub.NextStep), Code);
        Assert.Equal(1, (await slides.NextAsync()).Slide);
        await presenter.InvokeAsync<SlideState>(nameof(LiveHub.NextStep), Code);
        Assert.Equal(2, (await slides.NextAsync()).Slide);

        // The database is back: the phone's retry (same client id) is stored once, and the position too.
        _factory.Writes.Failing = false;
        var stored = await phone.InvokeAsync<AskQuestionResult>(nameof(LiveHub.AskQuestion), Code, "kept-1", "Will this be saved?", null);
        Assert.Equal("sent", stored.Status);
        var moved = await presenter.InvokeAsync<SlideState>(nameof(LiveHub.NextStep), Code);
        Assert.Equal(3, moved.Slide);
        using var client = _factory.CreatePlainClient();
        Assert.Equal("ready", await client.GetStringAsync("/readyz"));
    }

    public void Dispose() => _factory.Dispose();
}
