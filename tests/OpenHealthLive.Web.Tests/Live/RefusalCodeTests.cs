using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using OpenHealthLive.Web.Live;
using OpenHealthLive.Web.Polls;
using OpenHealthLive.Web.Questions;
using OpenHealthLive.Web.Tests.Infrastructure;
using OpenHealthLive.Web.Tests.Questions;

namespace OpenHealthLive.Web.Tests.Live;

/// <summary>
/// A refusal reaches a real SignalR client with its stable code at the start of the message ("[code:arg] English"),
/// which is all SignalR carries of a HubException: the phone words it in its own language from the code and decides
/// from it whether to send again (docs/languages.md lists the codes).
/// </summary>
public sealed partial class RefusalCodeTests : IDisposable
{
    private const string Code = OpenHealthLiveFactory.DefaultCode;
    private readonly OpenHealthLiveFactory _factory = new();

    [Fact]
    public async Task A_question_over_the_limit_is_refused_with_its_code_the_limit_and_its_length()
    {
        await using var phone = await QnaClient.PhoneAsync(_factory);
        var error = await Assert.ThrowsAsync<HubException>(() => phone.AskAsync(new string('a', 501)));
        var (code, arguments, english) = Parse(error);
        Assert.Equal("question-too-long", code);
        Assert.Equal(["500", "501"], arguments);
        Assert.StartsWith("A question has at most 500 characters", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Posting_too_fast_is_refused_with_its_code_and_the_seconds_the_english_text_names()
    {
        await using var phone = await QnaClient.PhoneAsync(_factory);
        for (var i = 1; i <= 5; i++)
        {
            await phone.AskAsync($"Question number {i}?");
        }

        var error = await Assert.ThrowsAsync<HubException>(() => phone.AskAsync("Question number 6?"));
        var (code, arguments, english) = Parse(error);
        Assert.Equal("questions-too-fast", code);
        var seconds = Assert.Single(arguments);
        Assert.True(int.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture) >= 1, seconds);
        Assert.Contains($"Wait {seconds} second", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_vote_on_a_closed_poll_and_on_an_unknown_poll_are_refused_with_their_codes()
    {
        _factory.Settings["Decks:DefaultDeck"] = "open-healthcare";
        await using var presenter = await _factory.ConnectAsync(await _factory.SignInAsync());
        await using var phone = await _factory.ConnectPhoneAsync();
        await presenter.InvokeAsync<PresenterPoll>(nameof(LiveHub.OpenPoll), Code, "pillar-most");
        await presenter.InvokeAsync<PresenterPoll>(nameof(LiveHub.ClosePoll), Code, "pillar-most");

        var closed = await Assert.ThrowsAsync<HubException>(() => Vote(phone, "pillar-most"));
        Assert.Equal("poll-closed", Parse(closed).Code);
        var unknown = await Assert.ThrowsAsync<HubException>(() => Vote(phone, "no-such-poll"));
        Assert.Equal("unknown-poll", Parse(unknown).Code);
    }

    [Fact]
    public async Task A_write_the_database_cannot_store_yet_is_refused_with_the_code_that_says_send_it_again()
    {
        await using var phone = await QnaClient.PhoneAsync(_factory);
        _factory.Writes.Failing = true;
        var error = await Assert.ThrowsAsync<HubException>(() => phone.AskAsync("Will this be saved?"));
        var (code, _, english) = Parse(error);
        Assert.Equal("not-saved", code);
        Assert.StartsWith("Not saved yet: ", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Questions_closed_an_unknown_session_and_a_staff_only_call_each_carry_a_code()
    {
        await using var presenter = await QnaClient.PresenterAsync(_factory);
        await using var phone = await QnaClient.PhoneAsync(_factory);
        await presenter.Connection.InvokeAsync<QnaSettingsChanged>(nameof(LiveHub.SetQuestionsOpen), Code, false);

        Assert.Equal("questions-closed", Parse(await Assert.ThrowsAsync<HubException>(() => phone.AskAsync("Still open?"))).Code);
        Assert.Equal("unknown-session", Parse(await Assert.ThrowsAsync<HubException>(() => phone.Connection.InvokeAsync<AudienceQna>(nameof(LiveHub.GetQuestions), "ZZZZZZ"))).Code);
        Assert.Equal("not-presenter", Parse(await Assert.ThrowsAsync<HubException>(() => phone.Connection.InvokeAsync<SlideState>(nameof(LiveHub.NextStep), Code))).Code);
    }

    [Fact]
    public async Task A_question_the_patient_data_guard_holds_says_so_by_a_code_the_phone_words()
    {
        await using var phone = await QnaClient.PhoneAsync(_factory);
        var held = await phone.AskAsync("Call me on 07700 900123 about my mother?");
        Assert.Equal("held", held.Status);
        Assert.Equal("personal-data", held.HeldAs);
        Assert.Equal("personal-data", Assert.Single((await phone.QuestionsAsync()).Own).HeldAs);
    }

    private static Task<PollVoteResult> Vote(HubConnection phone, string pollId) =>
        phone.InvokeAsync<PollVoteResult>(nameof(LiveHub.SubmitVote), Code, pollId, Guid.NewGuid().ToString("N"), new { option = 1 });

    /// <summary>The code, its arguments and the English sentence, read from the message as documented in docs/languages.md.</summary>
    private static (string Code, string[] Arguments, string English) Parse(HubException error)
    {
        var match = Token().Match(error.Message);
        Assert.True(match.Success, "no refusal code in: " + error.Message);
        var parts = match.Groups["token"].Value.Split(':');
        return (parts[0], parts[1..], match.Groups["english"].Value);
    }

    [GeneratedRegex(@"HubException: \[(?<token>[a-z0-9-]+(?::[^\]\s:]+)*)\] (?<english>.+)$")]
    private static partial Regex Token();

    public void Dispose() => _factory.Dispose();
}
