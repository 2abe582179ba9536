using System.Net;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using OpenHealthLive.Web.Live;
using OpenHealthLive.Web.Polls;
using OpenHealthLive.Web.Questions;
using OpenHealthLive.Web.Tests.Infrastructure;

namespace OpenHealthLive.Web.Tests.Security;

/// <summary>
/// Questions, upvotes and votes need the signed device cookie the join page sets. A script without one can
/// follow the slides but cannot write; a script that reconnects, or mints cookies, meets limits keyed on the
/// device and on its address, which it cannot forge.
/// </summary>
public sealed class DeviceWriteAttackTests : IDisposable
{
    private const string Code = OpenHealthLiveFactory.DefaultCode;
    private const string Poll = "pillar-most";
    private readonly OpenHealthLiveFactory _factory = new();

    public DeviceWriteAttackTests() => _factory.Settings["Decks:DefaultDeck"] = "open-healthcare";

    [Fact]
    public async Task A_connection_without_the_device_cookie_follows_the_slides_but_every_write_is_refused_clearly()
    {
        await using var presenter = await _factory.ConnectAsync(await _factory.SignInAsync());
        await presenter.InvokeAsync<PresenterPoll>(nameof(LiveHub.OpenPoll), Code, Poll);
        await using var phone = await _factory.ConnectPhoneAsync();
        var asked = await phone.InvokeAsync<AskQuestionResult>(nameof(LiveHub.AskQuestion), Code, "real-1", "What licence does xfetus use?", null);

        await using var script = await _factory.ConnectAsync();
        var state = await script.InvokeAsync<SlideState>(nameof(LiveHub.JoinSession), Code);
        Assert.Equal(Code, state.Code);

        var ask = await Assert.ThrowsAsync<HubException>(() => script.InvokeAsync<AskQuestionResult>(nameof(LiveHub.AskQuestion), Code, "script-1", "Posted by a script", null));
        var upvote = await Assert.ThrowsAsync<HubException>(() => script.InvokeAsync<QuestionVoteResult>(nameof(LiveHub.SetQuestionVote), Code, asked.QuestionId, true));
        var vote = await Assert.ThrowsAsync<HubException>(() => script.InvokeAsync<PollVoteResult>(nameof(LiveHub.SubmitVote), Code, Poll, "script-vote", new { option = 1 }));
        foreach (var refusal in new[] { ask, upvote, vote })
        {
            Assert.Contains($"/j/{Code}", refusal.Message, StringComparison.Ordinal);
        }

        var queue = await presenter.InvokeAsync<PresenterQna>(nameof(LiveHub.GetModerationQueue), Code);
        Assert.Equal(["What licence does xfetus use?"], queue.Questions.Select(q => q.Text));
        Assert.Equal(0, queue.Questions.Single().Votes);
        var dashboard = await presenter.InvokeAsync<List<PresenterPoll>>(nameof(LiveHub.GetPollDashboard), Code);
        Assert.Equal(0, dashboard.Single(p => p.Id == Poll).Results.Voters);
    }

    [Fact]
    public async Task Five_new_connections_without_a_cookie_add_no_upvote()
    {
        await using var phone = await _factory.ConnectPhoneAsync();
        var asked = await phone.InvokeAsync<AskQuestionResult>(nameof(LiveHub.AskQuestion), Code, "real-1", "Is the data open?", null);

        for (var attempt = 0; attempt < 5; attempt++)
        {
            await using var script = await _factory.ConnectAsync();
            await Assert.ThrowsAsync<HubException>(() => script.InvokeAsync<QuestionVoteResult>(nameof(LiveHub.SetQuestionVote), Code, asked.QuestionId, true));
        }

        var mine = await phone.InvokeAsync<AudienceQna>(nameof(LiveHub.GetQuestions), Code);
        Assert.Equal(0, mine.Questions.Single().Votes);
    }

    [Fact]
    public async Task A_phone_that_reconnects_keeps_its_question_limit_the_fifth_passes_the_sixth_is_refused()
    {
        _factory.Clock = new StoppedClock();
        var cookie = await _factory.GetDeviceCookieAsync();
        for (var question = 1; question <= 5; question++)
        {
            await using var connection = await _factory.ConnectAsync(cookie);
            await connection.InvokeAsync<AskQuestionResult>(nameof(LiveHub.AskQuestion), Code, $"q{question}", $"Question number {question}?", null);
        }

        await using var sixth = await _factory.ConnectAsync(cookie);
        var refused = await Assert.ThrowsAsync<HubException>(() => sixth.InvokeAsync<AskQuestionResult>(nameof(LiveHub.AskQuestion), Code, "q6", "Question number 6?", null));
        Assert.Contains("too quickly", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cookies_minted_by_a_script_on_one_address_meet_the_per_address_question_limit_and_other_addresses_are_unaffected()
    {
        _factory.Settings["AudienceLimits:QuestionsPerIpPerMinute"] = "12";
        _factory.Clock = new StoppedClock();
        var server = _factory.StartOnKestrel();
        using var attacker = RealServer.Client(server, IPAddress.Parse("127.0.0.2"));
        var accepted = 0;
        var refused = new List<string>();
        for (var device = 0; device < 6; device++)
        {
            await using var hub = RealServer.Hub(server, await RealServer.DeviceCookieAsync(attacker), IPAddress.Parse("127.0.0.2"));
            await hub.StartAsync();
            for (var question = 0; question < 5; question++)
            {
                try
                {
                    await hub.InvokeAsync<AskQuestionResult>(nameof(LiveHub.AskQuestion), Code, $"d{device}q{question}", $"Flood {device}/{question}", null);
                    accepted++;
                }
                catch (HubException ex)
                {
                    refused.Add(ex.Message);
                }
            }
        }

        Assert.Equal(12, accepted);
        Assert.All(refused, message => Assert.Contains("this network", message, StringComparison.Ordinal));

        using var neighbour = RealServer.Client(server, IPAddress.Parse("127.0.0.3"));
        await using var phone = RealServer.Hub(server, await RealServer.DeviceCookieAsync(neighbour), IPAddress.Parse("127.0.0.3"));
        await phone.StartAsync();
        var result = await phone.InvokeAsync<AskQuestionResult>(nameof(LiveHub.AskQuestion), Code, "n1", "A real question from the next room?", null);
        Assert.Equal("sent", result.Status);
    }

    public void Dispose() => _factory.Dispose();
}
