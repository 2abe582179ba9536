using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using OpenHealthLive.Core.Sessions;
using OpenHealthLive.Core.Storage;
using OpenHealthLive.Web.Live;
using OpenHealthLive.Web.Polls;
using OpenHealthLive.Web.Tests.Infrastructure;

namespace OpenHealthLive.Web.Tests.Polls;

/// <summary>Polls of the talk deck (content/open-healthcare) over the real hub.</summary>
public sealed class PollHubTests : IDisposable
{
    private const string Code = OpenHealthLiveFactory.DefaultCode;
    private const string Pillar = "pillar-most";
    private readonly OpenHealthLiveFactory _factory = new();

    public PollHubTests() => _factory.Settings["Decks:DefaultDeck"] = "open-healthcare";

    [Fact]
    public async Task Phones_vote_the_presenter_sees_live_counts_and_the_room_sees_results_only_when_shown()
    {
        await using var presenter = await _factory.ConnectAsync(await _factory.SignInAsync());
        await presenter.InvokeAsync<PresenterJoined>(nameof(LiveHub.JoinAsPresenter), Code);
        var live = Record<PollResultsChanged>(presenter, nameof(ILiveClient.PollResultsChanged));
        var phones = new List<HubConnection>();
        var roomMessages = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var phone = await _factory.ConnectPhoneAsync();
            await phone.InvokeAsync<SlideState>(nameof(LiveHub.JoinSession), Code);
            phone.On<JsonElement>(nameof(ILiveClient.PollResultsChanged), m => { lock (roomMessages) { roomMessages.Add(m.GetRawText()); } });
            phone.On<JsonElement>(nameof(ILiveClient.PollChanged), m => { lock (roomMessages) { roomMessages.Add(m.GetRawText()); } });
            phones.Add(phone);
        }

        var opened = await presenter.InvokeAsync<PresenterPoll>(nameof(LiveHub.OpenPoll), Code, Pillar);
        Assert.True(opened.IsOpen);
        var receipt = await Vote(phones[0], Pillar, new { option = 0 });
        Assert.Equal("Your vote was counted.", receipt.Message);
        await Vote(phones[1], Pillar, new { option = 0 });
        await Vote(phones[2], Pillar, new { option = 3 });

        await WaitAsync(() => live.Any(m => m.PollId == Pillar && m.Results.Voters == 3));
        var dashboard = await presenter.InvokeAsync<List<PresenterPoll>>(nameof(LiveHub.GetPollDashboard), Code);
        var counts = dashboard.Single(p => p.Id == Pillar).Results.Options.Select(o => o.Count).ToArray();
        Assert.Equal([2, 0, 0, 1, 0], counts);

        // Hidden from the room: no counts in any message a phone got, none in what it can ask for.
        var hidden = await phones[0].InvokeAsync<AudiencePolls>(nameof(LiveHub.GetPolls), Code);
        Assert.Null(hidden.Polls.Single(p => p.Id == Pillar).Results);
        lock (roomMessages)
        {
            Assert.DoesNotContain(roomMessages, m => m.Contains("\"voters\"", StringComparison.Ordinal));
        }

        await presenter.InvokeAsync<PresenterPoll>(nameof(LiveHub.ShowPollResults), Code, Pillar, true);
        var shown = await phones[1].InvokeAsync<AudiencePolls>(nameof(LiveHub.GetPolls), Code);
        Assert.Equal(3, shown.Polls.Single(p => p.Id == Pillar).Results!.Voters);
        Assert.Equal(0, shown.MyVotes[Pillar].Option);

        foreach (var phone in phones)
        {
            await phone.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_vote_can_be_changed_while_open_and_is_refused_once_closed()
    {
        await using var presenter = await _factory.ConnectAsync(await _factory.SignInAsync());
        await using var phone = await _factory.ConnectPhoneAsync();
        await presenter.InvokeAsync<PresenterPoll>(nameof(LiveHub.OpenPoll), Code, Pillar);

        await Vote(phone, Pillar, new { option = 1 });
        var changed = await Vote(phone, Pillar, new { option = 4 });
        Assert.True(changed.Changed);
        var results = (await presenter.InvokeAsync<List<PresenterPoll>>(nameof(LiveHub.GetPollDashboard), Code)).Single(p => p.Id == Pillar).Results;
        Assert.Equal(1, results.Voters);
        Assert.Equal([0, 0, 0, 0, 1], results.Options.Select(o => o.Count));

        await presenter.InvokeAsync<PresenterPoll>(nameof(LiveHub.ClosePoll), Code, Pillar);
        var error = await Assert.ThrowsAsync<HubException>(() => Vote(phone, Pillar, new { option = 2 }));
        Assert.Contains("This poll is closed", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pillar-most", "{\"option\":9}", "does not exist")]
    [InlineData("pillar-most", "{\"options\":[0,1]}", "")]
    [InlineData("pillar-rating", "{\"ratings\":[1,2]}", "")]
    [InlineData("open-health-word", "{\"text\":\"\"}", "")]
    [InlineData("no-such-poll", "{\"option\":0}", "no poll 'no-such-poll'")]
    public async Task A_wrong_answer_gets_a_clear_error(string pollId, string answerJson, string expected)
    {
        await using var presenter = await _factory.ConnectAsync(await _factory.SignInAsync());
        await using var phone = await _factory.ConnectPhoneAsync();
        if (pollId != "no-such-poll")
        {
            await presenter.InvokeAsync<PresenterPoll>(nameof(LiveHub.OpenPoll), Code, pollId);
        }

        var error = await Assert.ThrowsAsync<HubException>(() => Vote(phone, pollId, JsonSerializer.Deserialize<JsonElement>(answerJson)));
        var message = error.Message.Split("HubException: ").Last();
        Assert.True(message.Length > 10, "the error says what is wrong: " + message);
        Assert.Contains(expected, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_repeated_client_id_counts_once_and_the_database_allows_one_vote_per_device()
    {
        await using var presenter = await _factory.ConnectAsync(await _factory.SignInAsync());
        await using var phone = await _factory.ConnectPhoneAsync();
        await presenter.InvokeAsync<PresenterPoll>(nameof(LiveHub.OpenPoll), Code, Pillar);

        await phone.InvokeAsync<PollVoteResult>(nameof(LiveHub.SubmitVote), Code, Pillar, "same-id", new { option = 2 });
        var again = await phone.InvokeAsync<PollVoteResult>(nameof(LiveHub.SubmitVote), Code, Pillar, "same-id", new { option = 2 });
        Assert.False(again.Changed);

        await using var db = await _factory.GetService<IDbContextFactory<LiveDbContext>>().CreateDbContextAsync();
        var stored = await db.PollVotes.SingleAsync(v => v.PollId == Pillar);
        db.PollVotes.Add(new PollVoteRecord
        {
            SessionCode = stored.SessionCode,
            PollId = stored.PollId,
            Round = stored.Round,
            DeviceHash = stored.DeviceHash,
            ClientId = "forged",
            Answer = stored.Answer,
            CreatedAt = stored.CreatedAt,
            UpdatedAt = stored.UpdatedAt,
        });
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task A_reset_clears_the_counts_and_lets_every_phone_vote_again()
    {
        await using var presenter = await _factory.ConnectAsync(await _factory.SignInAsync());
        await using var phone = await _factory.ConnectPhoneAsync();
        await presenter.InvokeAsync<PresenterPoll>(nameof(LiveHub.OpenPoll), Code, Pillar);
        await Vote(phone, Pillar, new { option = 1 });

        var reset = await presenter.InvokeAsync<PresenterPoll>(nameof(LiveHub.ResetPoll), Code, Pillar);
        Assert.Equal(0, reset.Results.Voters);
        Assert.Equal(1, reset.Round);
        Assert.Empty((await phone.InvokeAsync<AudiencePolls>(nameof(LiveHub.GetPolls), Code)).MyVotes);

        var counted = await Vote(phone, Pillar, new { option = 3 });
        Assert.False(counted.Changed);
        Assert.Equal(1, (await presenter.InvokeAsync<List<PresenterPoll>>(nameof(LiveHub.GetPollDashboard), Code)).Single(p => p.Id == Pillar).Results.Voters);
    }

    [Fact]
    public async Task An_auto_open_poll_opens_when_its_slide_is_reached()
    {
        await using var presenter = await _factory.ConnectAsync(await _factory.SignInAsync());
        var poll = (await presenter.InvokeAsync<List<PresenterPoll>>(nameof(LiveHub.GetPollDashboard), Code)).First(p => p.AutoOpen);
        Assert.False(poll.IsOpen);

        await presenter.InvokeAsync<SlideState>(nameof(LiveHub.GoToSlide), Code, poll.SlideIndex, 0);
        Assert.True((await presenter.InvokeAsync<List<PresenterPoll>>(nameof(LiveHub.GetPollDashboard), Code)).Single(p => p.Id == poll.Id).IsOpen);
    }

    [Fact]
    public async Task An_auto_open_poll_opens_when_the_slide_is_moved_through_Core_without_the_hub()
    {
        await using var presenter = await _factory.ConnectAsync(await _factory.SignInAsync());
        var poll = (await presenter.InvokeAsync<List<PresenterPoll>>(nameof(LiveHub.GetPollDashboard), Code)).First(p => p.AutoOpen);

        await _factory.GetService<LiveSessionService>().NavigateAsync(Code, Navigation.GoTo(poll.SlideIndex), CancellationToken.None);

        Assert.True((await presenter.InvokeAsync<List<PresenterPoll>>(nameof(LiveHub.GetPollDashboard), Code)).Single(p => p.Id == poll.Id).IsOpen);
    }

    [Fact]
    public async Task An_auto_open_poll_the_presenter_closed_stays_closed_when_its_slide_is_reached_again()
    {
        await using var presenter = await _factory.ConnectAsync(await _factory.SignInAsync());
        var poll = (await presenter.InvokeAsync<List<PresenterPoll>>(nameof(LiveHub.GetPollDashboard), Code)).First(p => p.AutoOpen);
        await presenter.InvokeAsync<SlideState>(nameof(LiveHub.GoToSlide), Code, poll.SlideIndex, 0);
        await presenter.InvokeAsync<PresenterPoll>(nameof(LiveHub.ClosePoll), Code, poll.Id);

        await presenter.InvokeAsync<SlideState>(nameof(LiveHub.FirstSlide), Code);
        await presenter.InvokeAsync<SlideState>(nameof(LiveHub.GoToSlide), Code, poll.SlideIndex, 0);

        Assert.False((await presenter.InvokeAsync<List<PresenterPoll>>(nameof(LiveHub.GetPollDashboard), Code)).Single(p => p.Id == poll.Id).IsOpen);
    }

    [Fact]
    public async Task A_quiz_answer_never_reaches_a_phone_before_it_is_revealed()
    {
        await using var presenter = await _factory.ConnectAsync(await _factory.SignInAsync());
        await using var phone = await _factory.ConnectPhoneAsync();
        var seen = new List<string>();
        phone.On<JsonElement>(nameof(ILiveClient.PollChanged), m => { lock (seen) { seen.Add(m.GetRawText()); } });
        await phone.InvokeAsync<SlideState>(nameof(LiveHub.JoinSession), Code);
        var quiz = (await presenter.InvokeAsync<List<PresenterPoll>>(nameof(LiveHub.GetPollDashboard), Code)).Single(p => p.Type == "quiz");
        Assert.NotNull(quiz.Answer);

        await presenter.InvokeAsync<PresenterPoll>(nameof(LiveHub.OpenPoll), Code, quiz.Id);
        var asPhone = await phone.InvokeAsync<AudiencePolls>(nameof(LiveHub.GetPolls), Code);
        Assert.Null(asPhone.Polls.Single(p => p.Id == quiz.Id).Answer);
        await presenter.InvokeAsync<PresenterPoll>(nameof(LiveHub.ShowPollResults), Code, quiz.Id, true);
        await WaitAsync(() => { lock (seen) { return seen.Any(m => m.Contains("\"resultsVisible\":true", StringComparison.Ordinal)); } });
        List<JsonElement> messages;
        lock (seen)
        {
            messages = seen.Select(m => JsonDocument.Parse(m).RootElement).ToList();
        }

        Assert.All(messages.Where(m => !m.GetProperty("resultsVisible").GetBoolean()), m => Assert.Equal(JsonValueKind.Null, m.GetProperty("answer").ValueKind));
        Assert.Contains(messages, m => m.GetProperty("resultsVisible").GetBoolean() && m.GetProperty("answer").GetString() == quiz.Answer);
    }

    [Fact]
    public async Task Hidden_results_are_presenter_only_in_exports_and_on_the_results_page()
    {
        using var client = _factory.CreatePlainClient();
        foreach (var path in new[] { $"/p/{Code}/{Pillar}.json", $"/p/{Code}/{Pillar}.csv", $"/p/{Code}/{Pillar}" })
        {
            using var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{path}: {response.StatusCode}");
        }

        using var all = await client.GetAsync($"/p/{Code}/polls.json");
        using (var document = JsonDocument.Parse(await all.Content.ReadAsStringAsync()))
        {
            Assert.Empty(document.RootElement.GetProperty("polls").EnumerateArray());
        }

        var cookie = await _factory.SignInAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/p/{Code}/{Pillar}.json");
        request.Headers.Add("Cookie", cookie);
        using var presenterExport = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, presenterExport.StatusCode);
        using var export = JsonDocument.Parse(await presenterExport.Content.ReadAsStringAsync());
        Assert.Equal("openhealthlive/poll-results/v1", export.RootElement.GetProperty("schema").GetString());
        Assert.Equal("CC-BY-4.0", export.RootElement.GetProperty("licence").GetString());
        Assert.False(string.IsNullOrEmpty(export.RootElement.GetProperty("appVersion").GetString()));
        Assert.Equal("open-healthcare", export.RootElement.GetProperty("deck").GetString());
        var poll = export.RootElement.GetProperty("polls")[0];
        Assert.Equal(5, poll.GetProperty("options").GetArrayLength());
        Assert.Equal(5, poll.GetProperty("results").GetProperty("options").GetArrayLength());

        await using (var presenter = await _factory.ConnectAsync(cookie))
        {
            await presenter.InvokeAsync<PresenterPoll>(nameof(LiveHub.ShowPollResults), Code, Pillar, true);
        }

        using var csv = await client.GetAsync($"/p/{Code}/{Pillar}.csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var text = await csv.Content.ReadAsStringAsync();
        Assert.StartsWith("poll_id,round,type,question,voters,row,label,count,percent", text, StringComparison.Ordinal);
        Assert.Equal(6, text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        using var page = await client.GetAsync($"/p/{Code}/{Pillar}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<table class=\"results-table\">", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    public void Dispose() => _factory.Dispose();

    private static Task<PollVoteResult> Vote(HubConnection phone, string pollId, object answer) =>
        phone.InvokeAsync<PollVoteResult>(nameof(LiveHub.SubmitVote), Code, pollId, Guid.NewGuid().ToString("N"), answer);

    private static List<T> Record<T>(HubConnection connection, string name)
    {
        var list = new List<T>();
        connection.On<T>(name, m => { lock (list) { list.Add(m); } });
        return list;
    }

    private static async Task WaitAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Delay(25, timeout.Token);
        }
    }
}
