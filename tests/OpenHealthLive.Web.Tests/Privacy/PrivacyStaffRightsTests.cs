using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using OpenHealthLive.Core.Sessions;
using OpenHealthLive.Web.Live;
using OpenHealthLive.Web.Presenter;
using OpenHealthLive.Web.Questions;
using OpenHealthLive.Web.Tests.Infrastructure;
using static OpenHealthLive.Web.Tests.Privacy.AudienceData;

namespace OpenHealthLive.Web.Tests.Privacy;

/// <summary>
/// Who may end a talk and who may erase what its audience sent, asked of the hub directly (a page hiding a button is
/// not a rule): the speaker ends their own talk; erasing is the organiser's alone; a moderator does neither.
/// </summary>
public sealed class PrivacyStaffRightsTests : IDisposable
{
    private const string Code = OpenHealthLiveFactory.DefaultCode;
    private readonly OpenHealthLiveFactory _factory = new();

    [Fact]
    public async Task A_speaker_link_ends_and_reopens_its_talk_but_cannot_erase_it()
    {
        await using var phone = await PhoneAsync(_factory);
        await phone.Connection.InvokeAsync<AskQuestionResult>(nameof(LiveHub.AskQuestion), Code, "s1", "Kept while the speaker tries to erase?", null);
        await using var speaker = await SignInAsync(StaffRole.Speaker);

        var counts = await speaker.InvokeAsync<JsonElement>("GetAudienceDataCounts", Code);
        Assert.Equal(1, counts.GetProperty("questions").GetInt32());
        var ended = await speaker.InvokeAsync<JsonElement>("EndSession", Code);
        Assert.True(ended.GetProperty("ended").GetBoolean());
        var refused = await Assert.ThrowsAsync<HubException>(() => speaker.InvokeAsync<JsonElement>("EraseSession", Code, true));

        Assert.Contains("this is for the organiser", refused.Message, StringComparison.Ordinal);
        Assert.Equal(new Rows(Questions: 1, QuestionVotes: 0, PollVotes: 0), await RowsAsync(_factory, Code));
        Assert.Null((await SessionAsync()).AudienceDataErasedAt);
        var reopened = await speaker.InvokeAsync<JsonElement>("ReopenSession", Code);
        Assert.False(reopened.GetProperty("ended").GetBoolean());
    }

    [Fact]
    public async Task A_moderator_link_can_neither_end_nor_erase_the_talk()
    {
        await using var phone = await PhoneAsync(_factory);
        await phone.Connection.InvokeAsync<AskQuestionResult>(nameof(LiveHub.AskQuestion), Code, "m1", "Kept while the moderator tries?", null);
        await using var moderator = await SignInAsync(StaffRole.Moderator);

        foreach (var call in new Func<Task>[]
        {
            () => moderator.InvokeAsync<JsonElement>("EndSession", Code),
            () => moderator.InvokeAsync<JsonElement>("EraseSession", Code, true),
        })
        {
            var refused = await Assert.ThrowsAsync<HubException>(call);
            Assert.Contains("You are signed in as the moderator", refused.Message, StringComparison.Ordinal);
        }

        var session = await SessionAsync();
        Assert.False(session.Ended);
        Assert.Null(session.AudienceDataErasedAt);
        Assert.Equal(new Rows(Questions: 1, QuestionVotes: 0, PollVotes: 0), await RowsAsync(_factory, Code));
        await phone.Connection.InvokeAsync<AskQuestionResult>(nameof(LiveHub.AskQuestion), Code, "m2", "Still open after the moderator tried?", null);
    }

    [Fact]
    public async Task The_organiser_erases_any_talk()
    {
        await using var phone = await PhoneAsync(_factory);
        await phone.Connection.InvokeAsync<AskQuestionResult>(nameof(LiveHub.AskQuestion), Code, "o1", "Erased by the organiser?", null);
        await using var organiser = await _factory.ConnectAsync(await _factory.SignInAsync());

        await organiser.InvokeAsync<JsonElement>("EraseSession", Code, true);

        Assert.Equal(0, (await RowsAsync(_factory, Code)).Total);
        Assert.NotNull((await SessionAsync()).AudienceDataErasedAt);
    }

    [Fact]
    public async Task The_console_shows_End_to_the_speaker_and_Erase_only_to_the_organiser_and_the_moderator_neither()
    {
        var grants = _factory.GetService<SessionGrants>();
        var (speaker, _) = await _factory.SignInWithLinkAsync((await grants.IssueAsync(Code, StaffRole.Speaker, CancellationToken.None)).Secret);
        var (moderator, moderatorPage) = await _factory.SignInWithLinkAsync((await grants.IssueAsync(Code, StaffRole.Moderator, CancellationToken.None)).Secret);

        var speakers = await ConsoleAsync(speaker);
        var organisers = await ConsoleAsync(await _factory.SignInAsync());
        var moderators = await ConsoleAsync(moderator, moderatorPage);

        Assert.Contains(">End the talk</button>", speakers, StringComparison.Ordinal);
        Assert.DoesNotContain("Erase audience data", speakers, StringComparison.Ordinal);
        Assert.DoesNotContain("erase-dialog", speakers, StringComparison.Ordinal);
        Assert.Contains("The organiser can erase it now.", speakers, StringComparison.Ordinal);
        Assert.Contains(">End the talk</button>", organisers, StringComparison.Ordinal);
        Assert.Contains("Erase audience data…</button>", organisers, StringComparison.Ordinal);
        Assert.Contains("Erase what the audience sent?", organisers, StringComparison.Ordinal);
        Assert.Contains("Questions", moderators, StringComparison.Ordinal);
        Assert.DoesNotContain("End the talk", moderators, StringComparison.Ordinal);
        Assert.DoesNotContain("Erase", moderators, StringComparison.Ordinal);
    }

    public void Dispose() => _factory.Dispose();

    private async Task<HubConnection> SignInAsync(StaffRole role)
    {
        var grant = await _factory.GetService<SessionGrants>().IssueAsync(Code, role, CancellationToken.None);
        var (cookie, _) = await _factory.SignInWithLinkAsync(grant.Secret);
        return await _factory.ConnectAsync(cookie);
    }

    private async Task<string> ConsoleAsync(string cookie, string path = $"/presenter/{Code}")
    {
        using var client = _factory.CreatePlainClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<LiveSessionState> SessionAsync() =>
        (await _factory.GetService<LiveSessionService>().FindAsync(Code, CancellationToken.None))!;
}
