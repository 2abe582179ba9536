using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using OpenHealthLive.Core.Sessions;
using OpenHealthLive.Core.Storage;
using OpenHealthLive.Web.Live;
using OpenHealthLive.Web.Polls;
using OpenHealthLive.Web.Presenter;
using OpenHealthLive.Web.Questions;
using OpenHealthLive.Web.Tests.Infrastructure;
using static OpenHealthLive.Web.Tests.Privacy.AudienceData;

namespace OpenHealthLive.Web.Tests.Rehearsals;

/// <summary>
/// A rehearsal the day before, then "Go live": nothing the rehearsal collected survives (questions, upvotes, votes,
/// shown results, the slides shown), the polls start again and open by themselves on their slides, every screen goes
/// back to the first slide, and the code stays the same.
/// </summary>
public sealed class GoLiveTests : IDisposable
{
    private const string WhoIsHere = "who-is-here";
    private readonly OpenHealthLiveFactory _factory = new();

    [Fact]
    public async Task Going_live_wipes_what_the_rehearsal_collected_and_starts_the_talk_clean_with_the_same_code()
    {
        var rehearsal = await StartRehearsalAsync();
        var code = rehearsal.Code;
        var marker = Marker("Rehearsed");
        await using var speaker = await _factory.ConnectAsync(await _factory.SignInAsync());
        await speaker.InvokeAsync<PresenterJoined>(nameof(LiveHub.JoinAsPresenter), code);
        await using var phone = await PhoneAsync(_factory, code);
        await using var colleague = await PhoneAsync(_factory, code);

        // The rehearsal: a question and its upvote, the slides up to the fifth, the first poll answered and shown.
        var asked = await phone.Connection.InvokeAsync<AskQuestionResult>(nameof(LiveHub.AskQuestion), code, "q1", $"Does {marker} work on the venue wifi?", null);
        await colleague.Connection.InvokeAsync<QuestionVoteResult>(nameof(LiveHub.SetQuestionVote), code, asked.QuestionId, true);
        await speaker.InvokeAsync<TimerState>(nameof(LiveHub.StartTimer), code);
        await speaker.InvokeAsync<SlideState>(nameof(LiveHub.NextStep), code);
        await WaitUntilAsync(async () => (await DashboardAsync(speaker, code)).Single(p => p.Id == WhoIsHere).IsOpen, "the first poll opens by itself on its slide");
        await VoteAsync(phone.Connection, WhoIsHere, new { option = 2 }, code);
        await VoteAsync(colleague.Connection, WhoIsHere, new { option = 0 }, code);
        await speaker.InvokeAsync<PresenterPoll>(nameof(LiveHub.ShowPollResults), code, WhoIsHere, true);
        await speaker.InvokeAsync<SlideState>(nameof(LiveHub.GoToSlide), code, 4, 0);
        Assert.Equal(new Rows(1, 1, 2), await RowsAsync(_factory, code));
        using var client = _factory.CreatePlainClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/sessions/{code}/slides/4")).StatusCode);
        Assert.NotEmpty(await WaitForFilesAsync(_factory.DataDirectory, marker, present: true));

        var wiped = await speaker.InvokeAsync<JsonElement>("GoLive", code);

        Assert.Equal((1, 1, 2, 2), (wiped.GetProperty("questions").GetInt32(), wiped.GetProperty("questionVotes").GetInt32(), wiped.GetProperty("pollVotes").GetInt32(), wiped.GetProperty("phones").GetInt32()));
        Assert.Equal(new Rows(0, 0, 0), await RowsAsync(_factory, code));
        Assert.Empty(await WaitForFilesAsync(_factory.DataDirectory, marker, present: false));

        // The same code, live, on the first slide; only that slide shown; the timer at zero.
        var live = (await _factory.GetService<LiveSessionService>().FindAsync(code, CancellationToken.None))!;
        Assert.Equal((code, false, 0, 0), (live.Code, live.Plan.IsRehearsal, live.Position.Slide, live.Position.Fragment));
        Assert.Equal([0], live.Shown.Slides);
        Assert.Equal(new SpeakerTimer(false, TimeSpan.Zero, null), live.Timer);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/sessions/{code}/slides/4")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/p/{code}/{WhoIsHere}.json")).StatusCode);

        // Phones are told: their list loses the question, the poll is closed with nothing shown, they are on slide 1.
        await phone.WaitForAsync(nameof(ILiveClient.QuestionsChanged), m => m.GetProperty("removed").EnumerateArray().Any(id => id.GetInt64() == asked.QuestionId));
        await colleague.WaitForAsync(nameof(ILiveClient.PollChanged), m => m.GetProperty("id").GetString() == WhoIsHere && !m.GetProperty("isOpen").GetBoolean() && !m.GetProperty("resultsVisible").GetBoolean());
        Assert.Equal(0, (await phone.Connection.InvokeAsync<SlideState>(nameof(LiveHub.JoinSession), code)).Slide);
        Assert.Empty((await phone.Connection.InvokeAsync<AudienceQna>(nameof(LiveHub.GetQuestions), code)).Questions);

        // The talk itself: the poll opens again on its slide, empty, and takes the room's votes.
        await speaker.InvokeAsync<SlideState>(nameof(LiveHub.NextStep), code);
        await WaitUntilAsync(async () => (await DashboardAsync(speaker, code)).Single(p => p.Id == WhoIsHere).IsOpen, "the first poll opens by itself again in the talk");
        Assert.Equal(0, (await DashboardAsync(speaker, code)).Single(p => p.Id == WhoIsHere).Results.Voters);
        await VoteAsync(phone.Connection, WhoIsHere, new { option = 1 }, code);
        Assert.Equal(1, (await DashboardAsync(speaker, code)).Single(p => p.Id == WhoIsHere).Results.Voters);
    }

    [Fact]
    public async Task Only_a_rehearsal_goes_live_and_only_its_speaker_or_the_organiser_may_say_so()
    {
        var rehearsal = await StartRehearsalAsync();
        var (moderatorCookie, _) = await _factory.SignInWithLinkAsync((await _factory.GetService<SessionGrants>().IssueAsync(rehearsal.Code, StaffRole.Moderator, CancellationToken.None)).Secret);
        await using var moderator = await _factory.ConnectAsync(moderatorCookie);
        await using var phone = await PhoneAsync(_factory, rehearsal.Code);
        await phone.Connection.InvokeAsync<AskQuestionResult>(nameof(LiveHub.AskQuestion), rehearsal.Code, "q1", "Is this the rehearsal?", null);

        var refused = await Assert.ThrowsAsync<HubException>(() => moderator.InvokeAsync<JsonElement>("GoLive", rehearsal.Code));
        Assert.Contains("for the speaker", refused.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<HubException>(() => phone.Connection.InvokeAsync<JsonElement>("GoLive", rehearsal.Code));
        Assert.Equal(new Rows(1, 0, 0), await RowsAsync(_factory, rehearsal.Code));

        var (speakerCookie, _) = await _factory.SignInWithLinkAsync((await _factory.GetService<SessionGrants>().IssueAsync(rehearsal.Code, StaffRole.Speaker, CancellationToken.None)).Secret);
        await using var speaker = await _factory.ConnectAsync(speakerCookie);
        await speaker.InvokeAsync<JsonElement>("GoLive", rehearsal.Code);
        Assert.Equal(new Rows(0, 0, 0), await RowsAsync(_factory, rehearsal.Code));

        // Live now: going live again would wipe the talk itself, so it is refused and nothing is deleted.
        await phone.Connection.InvokeAsync<AskQuestionResult>(nameof(LiveHub.AskQuestion), rehearsal.Code, "q2", "Is this the talk?", null);
        var again = await Assert.ThrowsAsync<HubException>(() => speaker.InvokeAsync<JsonElement>("GoLive", rehearsal.Code));
        Assert.Contains("only a rehearsal can go live", again.Message, StringComparison.Ordinal);
        Assert.Equal(new Rows(1, 0, 0), await RowsAsync(_factory, rehearsal.Code));
    }

    public void Dispose() => _factory.Dispose();

    private async Task<LiveSessionState> StartRehearsalAsync()
    {
        var session = await _factory.GetService<LiveSessionService>().StartAsync("open-healthcare", new SessionPlan("Rehearsal", "Hall A", null, IsRehearsal: true), CancellationToken.None);
        await using var db = await _factory.GetService<IDbContextFactory<LiveDbContext>>().CreateDbContextAsync();
        Assert.True((await db.Sessions.SingleAsync(s => s.Code == session.Code)).IsRehearsal);
        return session;
    }

    private static Task<List<PresenterPoll>> DashboardAsync(HubConnection speaker, string code) =>
        speaker.InvokeAsync<List<PresenterPoll>>(nameof(LiveHub.GetPollDashboard), code);
}
