using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using OpenHealthLive.Web.Live;
using OpenHealthLive.Web.Polls;
using OpenHealthLive.Web.Questions;
using OpenHealthLive.Web.Tests.Infrastructure;
using OpenHealthLive.Web.Tests.ScaleOut;
using static OpenHealthLive.Web.Tests.Privacy.AudienceData;

namespace OpenHealthLive.Web.Tests.Privacy;

/// <summary>
/// The same deletions on PostgreSQL, whose SQL differs from SQLite's (the counts, the bulk deletes and updates); the
/// retention check goes through the same erase as the presenter's button.
/// </summary>
public sealed class PostgresPrivacyTests
{
    private const string Code = OpenHealthLiveFactory.DefaultCode;

    [ScaleOutFact]
    public async Task On_PostgreSQL_forget_me_and_retention_delete_the_rows_and_keep_the_shown_results()
    {
        await using var postgres = new PostgresServer();
        await postgres.InitializeAsync();
        var clock = new StoppedClock();
        using var factory = new OpenHealthLiveFactory { Clock = clock };
        factory.Settings["Storage:Provider"] = "Postgres";
        factory.Settings["Storage:ConnectionString"] = postgres.ConnectionString;
        factory.Settings["Decks:DefaultDeck"] = "open-healthcare";
        factory.Settings["Privacy:RetentionCheckSeconds"] = "1";
        await using var presenter = await factory.ConnectAsync(await factory.SignInAsync());
        await using var a = await PhoneAsync(factory);
        await using var b = await PhoneAsync(factory);
        var fromA = await a.Connection.InvokeAsync<AskQuestionResult>(nameof(LiveHub.AskQuestion), Code, "a1", "Asked from phone A?", null);
        var fromB = await b.Connection.InvokeAsync<AskQuestionResult>(nameof(LiveHub.AskQuestion), Code, "b1", "Asked from phone B?", null);
        await a.Connection.InvokeAsync<QuestionVoteResult>(nameof(LiveHub.SetQuestionVote), Code, fromB.QuestionId, true);
        await b.Connection.InvokeAsync<QuestionVoteResult>(nameof(LiveHub.SetQuestionVote), Code, fromA.QuestionId, true);
        await presenter.InvokeAsync<PresenterPoll>(nameof(LiveHub.OpenPoll), Code, Pillar);
        await VoteAsync(a.Connection, Pillar, new { option = 1 });
        await VoteAsync(b.Connection, Pillar, new { option = 2 });
        await presenter.InvokeAsync<PresenterPoll>(nameof(LiveHub.ShowPollResults), Code, Pillar, true);

        var counts = await presenter.InvokeAsync<JsonElement>("GetAudienceDataCounts", Code);
        Assert.Equal(2, counts.GetProperty("phones").GetInt32());
        using var client = factory.CreatePlainClient();
        using var forget = new HttpRequestMessage(HttpMethod.Post, $"/j/{Code}/forget-me");
        forget.Headers.Add("Cookie", a.Cookie);
        using var forgotten = await client.SendAsync(forget);
        Assert.Equal(HttpStatusCode.OK, forgotten.StatusCode);
        Assert.Equal(new Rows(Questions: 1, QuestionVotes: 0, PollVotes: 1), await RowsAsync(factory, Code));
        var dashboard = await presenter.InvokeAsync<List<PresenterPoll>>(nameof(LiveHub.GetPollDashboard), Code);
        Assert.Equal([0, 0, 1, 0, 0], dashboard.Single(p => p.Id == Pillar).Results.Options.Select(o => o.Count));

        await presenter.InvokeAsync<JsonElement>("EndSession", Code);
        clock.Advance(TimeSpan.FromDays(31));

        await WaitUntilAsync(async () => (await RowsAsync(factory, Code)).Total == 0, "PostgreSQL kept the audience's data past the retention period.");
        using var json = JsonDocument.Parse(await client.GetStringAsync($"/p/{Code}/{Pillar}.json"));
        Assert.Equal([0, 0, 1, 0, 0], json.RootElement.GetProperty("polls")[0].GetProperty("results").GetProperty("options").EnumerateArray().Select(o => o.GetProperty("count").GetInt32()));
    }
}
