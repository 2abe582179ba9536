using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using OpenHealthLive.Core.Sessions;
using OpenHealthLive.Web.Live;
using OpenHealthLive.Web.Polls;
using OpenHealthLive.Web.Questions;
using OpenHealthLive.Web.Tests.Infrastructure;
using static OpenHealthLive.Web.Tests.Privacy.AudienceData;

namespace OpenHealthLive.Web.Tests.Privacy;

/// <summary>
/// "Erase": the presenter is first told what will go (counts), then everything the audience sent in the talk is
/// deleted for good (questions, held ones too, upvotes, votes), gone from the database files as well. The results
/// the room was shown stay as open data unless the presenter asks for them to go too. Other talks are untouched.
/// </summary>
public sealed class EraseSessionTests : IDisposable
{
    private const string Code = OpenHealthLiveFactory.DefaultCode;
    private readonly OpenHealthLiveFactory _factory = new();

    public EraseSessionTests() => _factory.Settings["Decks:DefaultDeck"] = "open-healthcare";

    [Fact]
    public async Task Erasing_a_talk_says_what_will_go_then_deletes_it_from_the_database_and_its_files_and_keeps_shown_results()
    {
        var marker = Marker("EraseMarker");
        var heldMarker = Marker("HeldMarker");
        var wordMarker = Marker("word")[..24];
        await using var presenter = new Phone(await _factory.ConnectAsync(await _factory.SignInAsync()), null);
        await presenter.Connection.InvokeAsync<PresenterJoined>(nameof(LiveHub.JoinAsPresenter), Code);
        await using var a = await PhoneAsync(_factory);
        await using var b = await PhoneAsync(_factory);
        var visible = await a.Connection.InvokeAsync<AskQuestionResult>(nameof(LiveHub.AskQuestion), Code, "q1", $"What does {marker} mean for the ward?", "Ada " + marker[..30]);
        var held = await b.Connection.InvokeAsync<AskQuestionResult>(nameof(LiveHub.AskQuestion), Code, "q2", $"My patient NHS 943 476 5919 {heldMarker}, what now?", null);
        Assert.Equal("held", held.Status);
        await b.Connection.InvokeAsync<QuestionVoteResult>(nameof(LiveHub.SetQuestionVote), Code, visible.QuestionId, true);
        await presenter.Connection.InvokeAsync<PresenterPoll>(nameof(LiveHub.OpenPoll), Code, Pillar);
        await VoteAsync(a.Connection, Pillar, new { option = 0 });
        await VoteAsync(b.Connection, Pillar, new { option = 1 });
        await presenter.Connection.InvokeAsync<PresenterPoll>(nameof(LiveHub.ShowPollResults), Code, Pillar, true);
        // A word cloud whose results the room never saw: not published, so it goes with the votes.
        await presenter.Connection.InvokeAsync<PresenterPoll>(nameof(LiveHub.OpenPoll), Code, WordCloud);
        await VoteAsync(a.Connection, WordCloud, new { text = wordMarker });

        // Another talk on the same server, with its own question: erasing this one leaves it alone.
        var other = await _factory.GetService<LiveSessionService>().StartAsync("open-healthcare", CancellationToken.None);
        await using var elsewhere = await PhoneAsync(_factory, other.Code);
        await elsewhere.Connection.InvokeAsync<AskQuestionResult>(nameof(LiveHub.AskQuestion), other.Code, "x1", "A question in another talk?", null);
        Assert.NotEmpty(await WaitForFilesAsync(_factory.DataDirectory, marker, present: true));

        var counts = await presenter.Connection.InvokeAsync<JsonElement>("GetAudienceDataCounts", Code);
        Assert.Equal(2, counts.GetProperty("questions").GetInt32());
        Assert.Equal(1, counts.GetProperty("heldQuestions").GetInt32());
        Assert.Equal(1, counts.GetProperty("questionVotes").GetInt32());
        Assert.Equal(3, counts.GetProperty("pollVotes").GetInt32());
        Assert.Equal(2, counts.GetProperty("phones").GetInt32());
        Assert.Equal(1, counts.GetProperty("publishedPolls").GetInt32());

        var erased = await presenter.Connection.InvokeAsync<JsonElement>("EraseSession", Code, true);

        Assert.Equal(2, erased.GetProperty("questions").GetInt32());
        Assert.Equal(1, erased.GetProperty("questionVotes").GetInt32());
        Assert.Equal(3, erased.GetProperty("pollVotes").GetInt32());
        Assert.Equal(new Rows(0, 0, 0), await RowsAsync(_factory, Code));
        Assert.Equal(new Rows(1, 0, 0), await RowsAsync(_factory, other.Code));
        foreach (var text in new[] { marker, heldMarker, wordMarker })
        {
            var holding = await WaitForFilesAsync(_factory.DataDirectory, text, present: false);
            Assert.True(holding.Count == 0, $"Erased text is still in {string.Join(", ", holding)}.");
        }

        // Every screen is told: phones lose the question from their list, the console both, and the talk has ended.
        await a.WaitForAsync(nameof(ILiveClient.QuestionsChanged), m => m.GetProperty("removed").EnumerateArray().Any(id => id.GetInt64() == visible.QuestionId));
        await presenter.WaitForAsync(nameof(ILiveClient.ModerationChanged), m => m.GetProperty("removed").EnumerateArray().Any(id => id.GetInt64() == held.QuestionId));
        await b.WaitForAsync("SessionStatusChanged", m => m.GetProperty("ended").GetBoolean() && m.TryGetProperty("erasedAt", out var at) && at.ValueKind == JsonValueKind.String);

        // The results the room was shown are still served, as open data; the hidden word cloud has nothing left.
        using var client = _factory.CreatePlainClient();
        using var published = JsonDocument.Parse(await client.GetStringAsync($"/p/{Code}/{Pillar}.json"));
        var results = published.RootElement.GetProperty("polls")[0].GetProperty("results");
        Assert.Equal(2, results.GetProperty("voters").GetInt32());
        Assert.Equal([1, 1, 0, 0, 0], results.GetProperty("options").EnumerateArray().Select(o => o.GetProperty("count").GetInt32()));
        var dashboard = await presenter.Connection.InvokeAsync<List<PresenterPoll>>(nameof(LiveHub.GetPollDashboard), Code);
        Assert.Equal(0, dashboard.Single(p => p.Id == WordCloud).Results.Voters);
        Assert.Equal(2, dashboard.Single(p => p.Id == Pillar).Results.Voters);
    }

    [Fact]
    public async Task Erasing_with_the_published_results_leaves_no_results_to_download()
    {
        await using var presenter = await _factory.ConnectAsync(await _factory.SignInAsync());
        await using var a = await PhoneAsync(_factory);
        await presenter.InvokeAsync<PresenterPoll>(nameof(LiveHub.OpenPoll), Code, Pillar);
        await VoteAsync(a.Connection, Pillar, new { option = 3 });
        await presenter.InvokeAsync<PresenterPoll>(nameof(LiveHub.ShowPollResults), Code, Pillar, true);

        await presenter.InvokeAsync<JsonElement>("EraseSession", Code, false);

        using var client = _factory.CreatePlainClient();
        using var response = await client.GetAsync($"/p/{Code}/{Pillar}.json");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var dashboard = await presenter.InvokeAsync<List<PresenterPoll>>(nameof(LiveHub.GetPollDashboard), Code);
        Assert.Equal(0, dashboard.Single(p => p.Id == Pillar).Results.Voters);
        Assert.Equal(new Rows(0, 0, 0), await RowsAsync(_factory, Code));
    }

    [Fact]
    public async Task After_an_erase_the_talk_is_ended_and_takes_nothing_new()
    {
        await using var presenter = await _factory.ConnectAsync(await _factory.SignInAsync());
        await using var a = await PhoneAsync(_factory);
        await a.Connection.InvokeAsync<AskQuestionResult>(nameof(LiveHub.AskQuestion), Code, "q1", "Before the erase?", null);

        await presenter.InvokeAsync<JsonElement>("EraseSession", Code, true);

        await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() =>
            a.Connection.InvokeAsync<AskQuestionResult>(nameof(LiveHub.AskQuestion), Code, "q2", "After the erase?", null));
        var qna = await a.Connection.InvokeAsync<AudienceQna>(nameof(LiveHub.GetQuestions), Code);
        Assert.Empty(qna.Questions);
        Assert.Empty(qna.Own);
        Assert.Equal(new Rows(0, 0, 0), await RowsAsync(_factory, Code));
    }

    public void Dispose() => _factory.Dispose();
}
