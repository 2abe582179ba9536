using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using OpenHealthLive.Web.Live;
using OpenHealthLive.Web.Polls;
using OpenHealthLive.Web.Questions;
using OpenHealthLive.Web.Tests.Infrastructure;
using static OpenHealthLive.Web.Tests.Privacy.AudienceData;

namespace OpenHealthLive.Web.Tests.Privacy;

/// <summary>
/// Retention: <c>Privacy:RetentionDays</c> after a talk ends, everything its audience sent is deleted by the server
/// itself, for good (the text is gone from the database files too), while the poll results the room was shown stay
/// as open data. Time is the server's clock, which the tests move; the check runs every second here.
/// </summary>
public sealed class RetentionTests : IDisposable
{
    private const string Code = OpenHealthLiveFactory.DefaultCode;
    private const string SweepDone = "Retention check done";
    private readonly StoppedClock _clock = new();
    private readonly OpenHealthLiveFactory _factory = new();

    public RetentionTests()
    {
        _factory.Clock = _clock;
        _factory.Settings["Decks:DefaultDeck"] = "open-healthcare";
        _factory.Settings["Privacy:RetentionDays"] = "30";
        _factory.Settings["Privacy:RetentionCheckSeconds"] = "1";
        // Each check logs one line at Debug: the tests count them to know that a check ran after the clock moved.
        _factory.Settings["Logging:LogLevel:OpenHealthLive.Web.Privacy"] = "Debug";
    }

    [Fact]
    public async Task Thirty_days_after_the_end_the_audience_data_is_deleted_and_the_shown_results_are_still_served()
    {
        var marker = Marker("RetentionMarker");
        await using var presenter = await _factory.ConnectAsync(await _factory.SignInAsync());
        await presenter.InvokeAsync<PresenterJoined>(nameof(LiveHub.JoinAsPresenter), Code);
        var phones = new List<Phone>();
        for (var i = 0; i < 3; i++)
        {
            phones.Add(await PhoneAsync(_factory));
        }

        var asked = await phones[0].Connection.InvokeAsync<AskQuestionResult>(nameof(LiveHub.AskQuestion), Code, "q1", $"Does {marker} scale to a whole trust?", "Mary " + marker[..30]);
        await phones[1].Connection.InvokeAsync<QuestionVoteResult>(nameof(LiveHub.SetQuestionVote), Code, asked.QuestionId, true);
        await presenter.InvokeAsync<PresenterPoll>(nameof(LiveHub.OpenPoll), Code, Pillar);
        await VoteAsync(phones[0].Connection, Pillar, new { option = 0 });
        await VoteAsync(phones[1].Connection, Pillar, new { option = 0 });
        await VoteAsync(phones[2].Connection, Pillar, new { option = 3 });
        await presenter.InvokeAsync<PresenterPoll>(nameof(LiveHub.ShowPollResults), Code, Pillar, true);
        await presenter.InvokeAsync<JsonElement>("EndSession", Code);
        Assert.Equal(new Rows(Questions: 1, QuestionVotes: 1, PollVotes: 3), await RowsAsync(_factory, Code));

        // A day before the period is over, checks come and go and keep everything.
        _clock.Advance(TimeSpan.FromDays(29));
        await WaitForChecksAsync(2);
        Assert.Equal(new Rows(1, 1, 3), await RowsAsync(_factory, Code));

        _clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));

        await WaitUntilAsync(async () => (await RowsAsync(_factory, Code)).Total == 0, "The audience's data was not deleted 30 days after the talk ended.");
        var holding = await WaitForFilesAsync(_factory.DataDirectory, marker, present: false);
        Assert.True(holding.Count == 0, $"The deleted question is still in {string.Join(", ", holding)}.");

        // The results the room was shown: still served to anyone, as they were shown (2, 0, 0, 1, 0 of 3).
        using var client = _factory.CreatePlainClient();
        using var json = JsonDocument.Parse(await client.GetStringAsync($"/p/{Code}/{Pillar}.json"));
        var results = json.RootElement.GetProperty("polls")[0].GetProperty("results");
        Assert.Equal(3, results.GetProperty("voters").GetInt32());
        Assert.Equal([2, 0, 0, 1, 0], results.GetProperty("options").EnumerateArray().Select(o => o.GetProperty("count").GetInt32()));
        var csv = await client.GetStringAsync($"/p/{Code}/{Pillar}.csv");
        Assert.Contains(",option,", csv, StringComparison.Ordinal);
        using var page = await client.GetAsync($"/p/{Code}/{Pillar}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        // A month on, the presenter's sign-in has long expired: a new one sees the same results on the console.
        await using var later = await _factory.ConnectAsync(await _factory.SignInAsync());
        var dashboard = await later.InvokeAsync<List<PresenterPoll>>(nameof(LiveHub.GetPollDashboard), Code);
        Assert.Equal(3, dashboard.Single(p => p.Id == Pillar).Results.Voters);

        foreach (var phone in phones)
        {
            await phone.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_talk_that_has_not_ended_keeps_its_data()
    {
        _factory.Settings["Privacy:EndIdleTalksAfterDays"] = "365";
        await using var phone = await PhoneAsync(_factory);
        await phone.Connection.InvokeAsync<AskQuestionResult>(nameof(LiveHub.AskQuestion), Code, "q1", "Will this stay while the talk runs?", null);

        _clock.Advance(TimeSpan.FromDays(90));
        await WaitForChecksAsync(2);

        Assert.Equal(new Rows(1, 0, 0), await RowsAsync(_factory, Code));
    }

    [Fact]
    public async Task A_talk_nobody_ends_is_ended_once_idle_for_a_week_and_deleted_a_retention_period_later()
    {
        _factory.Settings["Privacy:EndIdleTalksAfterDays"] = "7";
        await using var phone = await PhoneAsync(_factory);
        await phone.Connection.InvokeAsync<AskQuestionResult>(nameof(LiveHub.AskQuestion), Code, "q1", "Who ends a forgotten talk?", null);

        _clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));

        await phone.WaitForAsync("SessionStatusChanged", m => m.GetProperty("ended").GetBoolean());
        Assert.Equal(new Rows(1, 0, 0), await RowsAsync(_factory, Code));
        _clock.Advance(TimeSpan.FromDays(30) + TimeSpan.FromMinutes(1));
        await WaitUntilAsync(async () => (await RowsAsync(_factory, Code)).Total == 0, "The forgotten talk's data was not deleted.");
    }

    public void Dispose() => _factory.Dispose();

    /// <summary>Waits for <paramref name="count"/> more retention checks to finish, counted from now.</summary>
    private async Task WaitForChecksAsync(int count)
    {
        var before = _factory.Logs.Count(l => l.Message.StartsWith(SweepDone, StringComparison.Ordinal));
        await WaitUntilAsync(() => _factory.Logs.Count(l => l.Message.StartsWith(SweepDone, StringComparison.Ordinal)) >= before + count,
            $"No retention check finished (looked for {count} log lines starting \"{SweepDone}\").");
    }
}
