using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using OpenHealthLive.Web.Live;
using OpenHealthLive.Web.Polls;
using OpenHealthLive.Web.Questions;
using OpenHealthLive.Web.Tests.Infrastructure;
using static OpenHealthLive.Web.Tests.Privacy.AudienceData;

namespace OpenHealthLive.Web.Tests.Privacy;

/// <summary>
/// "End the talk": every phone is told at once, the audience page says so, and from then on the server refuses
/// every question, upvote and vote with a clear message, whatever the phone sends. Ending starts the retention clock.
/// </summary>
public sealed class EndSessionTests : IDisposable
{
    private const string Code = OpenHealthLiveFactory.DefaultCode;
    private readonly OpenHealthLiveFactory _factory = new();

    public EndSessionTests() => _factory.Settings["Decks:DefaultDeck"] = "open-healthcare";

    [Fact]
    public async Task Ending_the_talk_tells_every_phone_and_refuses_every_write_afterwards()
    {
        _factory.Settings["Privacy:RetentionDays"] = "14";
        await using var presenter = new Phone(await _factory.ConnectAsync(await _factory.SignInAsync()), null);
        await presenter.Connection.InvokeAsync<PresenterJoined>(nameof(LiveHub.JoinAsPresenter), Code);
        await using var a = await PhoneAsync(_factory);
        await using var b = await PhoneAsync(_factory);
        Assert.False(a.Joined.GetProperty("ended").GetBoolean());
        var before = await a.Connection.InvokeAsync<AskQuestionResult>(nameof(LiveHub.AskQuestion), Code, "before-end", "Asked before the end?", null);
        await presenter.Connection.InvokeAsync<PresenterPoll>(nameof(LiveHub.OpenPoll), Code, Pillar);

        var status = await presenter.Connection.InvokeAsync<JsonElement>("EndSession", Code);

        Assert.True(status.GetProperty("ended").GetBoolean());
        // The retention clock starts now: the audience's data goes 14 days after the end.
        var endedAt = status.GetProperty("endedAt").GetDateTimeOffset();
        Assert.Equal(endedAt.AddDays(14), status.GetProperty("deleteAfter").GetDateTimeOffset());
        foreach (var phone in new[] { a, b })
        {
            await phone.WaitForAsync("SessionStatusChanged", m => m.GetProperty("ended").GetBoolean());
        }

        var ask = await Assert.ThrowsAsync<HubException>(() => b.Connection.InvokeAsync<AskQuestionResult>(nameof(LiveHub.AskQuestion), Code, "after-end", "Asked after the end?", null));
        var upvote = await Assert.ThrowsAsync<HubException>(() => b.Connection.InvokeAsync<QuestionVoteResult>(nameof(LiveHub.SetQuestionVote), Code, before.QuestionId, true));
        var vote = await Assert.ThrowsAsync<HubException>(() => VoteAsync(b.Connection, Pillar, new { option = 1 }));
        foreach (var refusal in new[] { ask, upvote, vote })
        {
            Assert.Contains("This talk has ended", refusal.Message, StringComparison.Ordinal);
        }

        var rows = await RowsAsync(_factory, Code);
        Assert.Equal(new Rows(Questions: 1, QuestionVotes: 0, PollVotes: 0), rows);

        // A phone that comes later sees the end in its join answer and on the page itself.
        await using var late = await PhoneAsync(_factory);
        Assert.True(late.Joined.GetProperty("ended").GetBoolean());
        using var client = _factory.CreatePlainClient();
        var page = await client.GetStringAsync($"/j/{Code}");
        Assert.Contains("This talk has ended", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_presenter_can_end_or_reopen_a_talk()
    {
        await using var phone = await PhoneAsync(_factory);

        var end = await Assert.ThrowsAsync<HubException>(() => phone.Connection.InvokeAsync<JsonElement>("EndSession", Code));
        var reopen = await Assert.ThrowsAsync<HubException>(() => phone.Connection.InvokeAsync<JsonElement>("ReopenSession", Code));
        var erase = await Assert.ThrowsAsync<HubException>(() => phone.Connection.InvokeAsync<JsonElement>("EraseSession", Code, true));
        var counts = await Assert.ThrowsAsync<HubException>(() => phone.Connection.InvokeAsync<JsonElement>("GetAudienceDataCounts", Code));
        foreach (var refusal in new[] { end, reopen, erase, counts })
        {
            Assert.Contains(StaffHubFilter.RefusedMessage, refusal.Message, StringComparison.Ordinal);
        }

        await phone.Connection.InvokeAsync<AskQuestionResult>(nameof(LiveHub.AskQuestion), Code, "still-open", "Is the talk still open?", null);
    }

    [Fact]
    public async Task A_reopened_talk_takes_questions_again()
    {
        await using var presenter = await _factory.ConnectAsync(await _factory.SignInAsync());
        await using var phone = await PhoneAsync(_factory);
        await presenter.InvokeAsync<JsonElement>("EndSession", Code);
        await Assert.ThrowsAsync<HubException>(() => phone.Connection.InvokeAsync<AskQuestionResult>(nameof(LiveHub.AskQuestion), Code, "ended", "Ended?", null));

        var status = await presenter.InvokeAsync<JsonElement>("ReopenSession", Code);

        Assert.False(status.GetProperty("ended").GetBoolean());
        await phone.WaitForAsync("SessionStatusChanged", m => !m.GetProperty("ended").GetBoolean());
        var asked = await phone.Connection.InvokeAsync<AskQuestionResult>(nameof(LiveHub.AskQuestion), Code, "reopened", "Open again?", null);
        Assert.Equal("sent", asked.Status);
    }

    [Fact]
    public async Task An_ended_talk_refuses_writes_that_were_already_on_their_way()
    {
        // Votes race the end: whatever the order, none is stored after the end was.
        await using var presenter = await _factory.ConnectAsync(await _factory.SignInAsync());
        await presenter.InvokeAsync<PresenterPoll>(nameof(LiveHub.OpenPoll), Code, Pillar);
        var phones = new List<Phone>();
        for (var i = 0; i < 8; i++)
        {
            phones.Add(await PhoneAsync(_factory));
        }

        var votes = phones.Select(p => CountedAsync(VoteAsync(p.Connection, Pillar, new { option = 2 }))).ToList();
        await presenter.InvokeAsync<JsonElement>("EndSession", Code);
        var counted = (await Task.WhenAll(votes)).Count(c => c);

        // Every vote the server acknowledged is stored and counted; every other one was refused and is not.
        var rows = await RowsAsync(_factory, Code);
        Assert.Equal(counted, rows.PollVotes);
        var dashboard = await presenter.InvokeAsync<List<PresenterPoll>>(nameof(LiveHub.GetPollDashboard), Code);
        Assert.Equal(counted, dashboard.Single(p => p.Id == Pillar).Results.Voters);
        await Assert.ThrowsAsync<HubException>(() => VoteAsync(phones[0].Connection, Pillar, new { option = 2 }));
        foreach (var phone in phones)
        {
            await phone.DisposeAsync();
        }
    }

    [Fact]
    public async Task The_audience_page_of_an_ended_talk_still_shows_the_slides_but_no_question_form_that_works()
    {
        await using var presenter = await _factory.ConnectAsync(await _factory.SignInAsync());
        await presenter.InvokeAsync<JsonElement>("EndSession", Code);
        using var client = _factory.CreatePlainClient();

        using var response = await client.GetAsync($"/j/{Code}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("id=\"slide\"", html, StringComparison.Ordinal);
        Assert.Contains("data-ended=\"true\"", html, StringComparison.Ordinal);
    }

    public void Dispose() => _factory.Dispose();

    private static async Task<bool> CountedAsync(Task<PollVoteResult> vote)
    {
        try
        {
            await vote;
            return true;
        }
        catch (HubException refused) when (refused.Message.Contains("This talk has ended", StringComparison.Ordinal))
        {
            return false;
        }
    }
}
