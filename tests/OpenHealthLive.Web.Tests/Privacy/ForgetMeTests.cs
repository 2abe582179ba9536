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
/// "Forget me on this phone": a phone sees what it has sent in the talk and erases it — its questions, its upvotes,
/// its poll votes and every row that links to it — with the counts the room sees updated at once. Only the phone's
/// own device cookie can ask for it, and it is rate-limited like every other write.
/// </summary>
public sealed class ForgetMeTests : IDisposable
{
    private const string Code = OpenHealthLiveFactory.DefaultCode;
    private readonly OpenHealthLiveFactory _factory = new();

    public ForgetMeTests() => _factory.Settings["Decks:DefaultDeck"] = "open-healthcare";

    [Fact]
    public async Task A_phone_sees_what_it_sent_and_forgetting_it_deletes_only_its_own_rows_and_updates_the_counts()
    {
        var marker = Marker("ForgetMarker");
        var wordMarker = Marker("word")[..24];
        await using var presenter = new Phone(await _factory.ConnectAsync(await _factory.SignInAsync()), null);
        await presenter.Connection.InvokeAsync<PresenterJoined>(nameof(LiveHub.JoinAsPresenter), Code);
        await using var a = await PhoneAsync(_factory);
        await using var b = await PhoneAsync(_factory);
        var fromA = await a.Connection.InvokeAsync<AskQuestionResult>(nameof(LiveHub.AskQuestion), Code, "a1", $"Is {marker} safe in pregnancy?", "Grace " + marker[..30]);
        var fromB = await b.Connection.InvokeAsync<AskQuestionResult>(nameof(LiveHub.AskQuestion), Code, "b1", "What dataset was used?", null);
        await a.Connection.InvokeAsync<QuestionVoteResult>(nameof(LiveHub.SetQuestionVote), Code, fromB.QuestionId, true);
        await b.Connection.InvokeAsync<QuestionVoteResult>(nameof(LiveHub.SetQuestionVote), Code, fromA.QuestionId, true);
        await presenter.Connection.InvokeAsync<PresenterPoll>(nameof(LiveHub.OpenPoll), Code, Pillar);
        await VoteAsync(a.Connection, Pillar, new { option = 0 });
        await VoteAsync(b.Connection, Pillar, new { option = 3 });
        await presenter.Connection.InvokeAsync<PresenterPoll>(nameof(LiveHub.ShowPollResults), Code, Pillar, true);
        await presenter.Connection.InvokeAsync<PresenterPoll>(nameof(LiveHub.OpenPoll), Code, WordCloud);
        await VoteAsync(a.Connection, WordCloud, new { text = wordMarker });
        await VoteAsync(b.Connection, WordCloud, new { text = "openness" });
        var hashesBefore = await DeviceHashesAsync(_factory);
        Assert.Equal(2, hashesBefore.Count);

        var mine = await a.Connection.InvokeAsync<JsonElement>("GetMyData", Code);
        var ownTexts = mine.GetProperty("questions").EnumerateArray().Select(q => q.GetProperty("text").GetString()).ToList();
        Assert.Equal([$"Is {marker} safe in pregnancy?"], ownTexts);
        Assert.Equal([fromB.QuestionId], mine.GetProperty("questionVotes").EnumerateArray().Select(v => v.GetProperty("questionId").GetInt64()));
        var polls = mine.GetProperty("pollVotes").EnumerateArray().ToList();
        Assert.Equal([WordCloud, Pillar], polls.Select(v => v.GetProperty("pollId").GetString()).Order(StringComparer.Ordinal));
        Assert.Contains(polls, v => v.GetProperty("answer").GetString() == wordMarker);

        using var client = _factory.CreatePlainClient();
        using var response = await ForgetAsync(client, a.Cookie);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using (var forgotten = JsonDocument.Parse(await response.Content.ReadAsStringAsync()))
        {
            Assert.Equal(1, forgotten.RootElement.GetProperty("questions").GetInt32());
            Assert.Equal(1, forgotten.RootElement.GetProperty("questionVotes").GetInt32());
            Assert.Equal(2, forgotten.RootElement.GetProperty("pollVotes").GetInt32());
        }

        // The phone's cookie is cleared: its next visit is a new, unknown phone.
        var cleared = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("ohl.device=", StringComparison.Ordinal));
        Assert.Contains("expires=Thu, 01 Jan 1970", cleared, StringComparison.OrdinalIgnoreCase);

        // In the database: A's question (with B's upvote of it), A's upvote and A's votes are gone; B's are all there.
        var hashesAfter = await DeviceHashesAsync(_factory);
        Assert.Single(hashesAfter);
        Assert.True(hashesBefore.IsSupersetOf(hashesAfter));
        Assert.Equal(new Rows(Questions: 1, QuestionVotes: 0, PollVotes: 2), await RowsAsync(_factory, Code));
        var holding = await WaitForFilesAsync(_factory.DataDirectory, marker, present: false);
        Assert.True(holding.Count == 0, $"The forgotten question is still in {string.Join(", ", holding)}.");
        Assert.Empty(await WaitForFilesAsync(_factory.DataDirectory, wordMarker, present: false));

        // The room's counts follow: B's question lost A's upvote, A's question left every list, the tallies dropped A's votes.
        await b.WaitForAsync(nameof(ILiveClient.QuestionsChanged), m => m.GetProperty("removed").EnumerateArray().Any(id => id.GetInt64() == fromA.QuestionId));
        await b.WaitForAsync(nameof(ILiveClient.QuestionsChanged), m => m.GetProperty("changed").EnumerateArray().Any(q => q.GetProperty("id").GetInt64() == fromB.QuestionId && q.GetProperty("votes").GetInt32() == 0));
        var dashboard = await presenter.Connection.InvokeAsync<List<PresenterPoll>>(nameof(LiveHub.GetPollDashboard), Code);
        Assert.Equal([0, 0, 0, 1, 0], dashboard.Single(p => p.Id == Pillar).Results.Options.Select(o => o.Count));
        Assert.Equal(["openness"], dashboard.Single(p => p.Id == WordCloud).Results.Words.Select(w => w.Word));
        // The room sees the shown poll's counts drop (the word cloud's results were never shown to it).
        await b.WaitForAsync(nameof(ILiveClient.PollResultsChanged), m => m.GetProperty("pollId").GetString() == Pillar
            && m.GetProperty("results").GetProperty("options").EnumerateArray().Select(o => o.GetProperty("count").GetInt32()).SequenceEqual([0, 0, 0, 1, 0]));
        Assert.DoesNotContain(b.Messages(nameof(ILiveClient.PollResultsChanged)), m => m.GetProperty("pollId").GetString() == WordCloud);

        var questions = await b.Connection.InvokeAsync<AudienceQna>(nameof(LiveHub.GetQuestions), Code);
        Assert.Equal([fromB.QuestionId], questions.Questions.Select(q => q.Id));
        Assert.Equal(0, questions.Questions.Single().Votes);
    }

    [Fact]
    public async Task Without_the_device_cookie_there_is_nothing_to_forget_and_nothing_is_deleted()
    {
        await using var a = await PhoneAsync(_factory);
        await a.Connection.InvokeAsync<AskQuestionResult>(nameof(LiveHub.AskQuestion), Code, "a1", "Who may delete this?", null);
        using var client = _factory.CreatePlainClient();

        using var noCookie = await ForgetAsync(client, cookie: null);
        using var forged = await ForgetAsync(client, "ohl.device=CfDJ8forged-token-that-is-not-signed");

        foreach (var response in new[] { noCookie, forged })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains($"/j/{Code}", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(new Rows(1, 0, 0), await RowsAsync(_factory, Code));
    }

    [Fact]
    public async Task A_page_on_another_site_cannot_make_a_phone_forget()
    {
        await using var a = await PhoneAsync(_factory);
        await a.Connection.InvokeAsync<AskQuestionResult>(nameof(LiveHub.AskQuestion), Code, "a1", "Can another site erase this?", null);
        using var client = _factory.CreatePlainClient();

        using var response = await ForgetAsync(client, a.Cookie, origin: "http://evil.example");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(new Rows(1, 0, 0), await RowsAsync(_factory, Code));

        // The same request from the site's own page goes through.
        using var own = await ForgetAsync(client, a.Cookie, origin: "http://localhost");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(new Rows(0, 0, 0), await RowsAsync(_factory, Code));
    }

    [Fact]
    public async Task Forgetting_is_rate_limited_per_phone_like_other_writes()
    {
        _factory.Clock = new StoppedClock();
        _factory.Settings["AudienceLimits:VotesPerDevicePerMinute"] = "3";
        var cookie = await _factory.GetDeviceCookieAsync();
        using var client = _factory.CreatePlainClient();
        for (var i = 0; i < 3; i++)
        {
            using var allowed = await ForgetAsync(client, cookie);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await ForgetAsync(client, cookie);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Contains("Wait", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_forget_carries_the_refusal_code_and_the_seconds_to_wait_for_the_phone_to_word()
    {
        _factory.Clock = new StoppedClock();
        _factory.Settings["AudienceLimits:VotesPerDevicePerMinute"] = "1";
        var cookie = await _factory.GetDeviceCookieAsync();
        using var client = _factory.CreatePlainClient();
        using var allowed = await ForgetAsync(client, cookie);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);

        using var refused = await ForgetAsync(client, cookie);
        using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal("votes-too-fast", problem.RootElement.GetProperty("code").GetString());
        var seconds = Assert.Single(problem.RootElement.GetProperty("arguments").EnumerateArray()).GetInt32();
        Assert.Equal(refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds, seconds);

        using var noCookie = await ForgetAsync(client, cookie: null);
        using var notJoined = JsonDocument.Parse(await noCookie.Content.ReadAsStringAsync());
        Assert.Equal("not-joined-data", notJoined.RootElement.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Reading_what_this_phone_sent_is_rate_limited_per_phone_and_needs_the_phones_cookie()
    {
        _factory.Clock = new StoppedClock();
        _factory.Settings["AudienceLimits:VotesPerDevicePerMinute"] = "3";
        await using var a = await PhoneAsync(_factory);
        for (var i = 0; i < 3; i++)
        {
            await a.Connection.InvokeAsync<JsonElement>("GetMyData", Code);
        }

        var refused = await Assert.ThrowsAsync<HubException>(() => a.Connection.InvokeAsync<JsonElement>("GetMyData", Code));

        Assert.Contains("Wait", refused.Message, StringComparison.Ordinal);
        await using var stranger = await _factory.ConnectAsync();
        var noCookie = await Assert.ThrowsAsync<HubException>(() => stranger.InvokeAsync<JsonElement>("GetMyData", Code));
        Assert.Contains("the server holds nothing it sent", noCookie.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_held_word_cloud_answer_is_shown_to_its_phone_masked_and_forgetting_takes_it_off_the_presenters_list()
    {
        await using var presenter = await _factory.ConnectAsync(await _factory.SignInAsync());
        await using var a = await PhoneAsync(_factory);
        await presenter.InvokeAsync<PresenterPoll>(nameof(LiveHub.OpenPoll), Code, WordCloud);
        var held = await VoteAsync(a.Connection, WordCloud, new { text = "943•476•5919" });
        Assert.True(held.Held);
        Assert.Single((await presenter.InvokeAsync<List<PresenterPoll>>(nameof(LiveHub.GetPollDashboard), Code)).Single(p => p.Id == WordCloud).HeldAnswers);

        var mine = await a.Connection.InvokeAsync<JsonElement>("GetMyData", Code);

        var vote = Assert.Single(mine.GetProperty("pollVotes").EnumerateArray());
        Assert.True(vote.GetProperty("held").GetBoolean());
        Assert.Equal("[NHS number ending …919]", vote.GetProperty("answer").GetString());
        using var client = _factory.CreatePlainClient();
        using var response = await ForgetAsync(client, a.Cookie);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, (await RowsAsync(_factory, Code)).Total);
        Assert.Empty((await presenter.InvokeAsync<List<PresenterPoll>>(nameof(LiveHub.GetPollDashboard), Code)).Single(p => p.Id == WordCloud).HeldAnswers);
    }

    [Fact]
    public async Task A_phone_may_forget_itself_after_the_talk_has_ended()
    {
        await using var presenter = await _factory.ConnectAsync(await _factory.SignInAsync());
        await using var a = await PhoneAsync(_factory);
        await a.Connection.InvokeAsync<AskQuestionResult>(nameof(LiveHub.AskQuestion), Code, "a1", "Still mine after the end?", null);
        await presenter.InvokeAsync<JsonElement>("EndSession", Code);
        using var client = _factory.CreatePlainClient();

        using var response = await ForgetAsync(client, a.Cookie);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new Rows(0, 0, 0), await RowsAsync(_factory, Code));
    }

    public void Dispose() => _factory.Dispose();

    private static async Task<HttpResponseMessage> ForgetAsync(HttpClient client, string? cookie, string? origin = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/j/{Code}/forget-me");
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        return await client.SendAsync(request);
    }
}
