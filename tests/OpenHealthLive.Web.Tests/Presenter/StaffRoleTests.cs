using System.Net;
using System.Reflection;
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

namespace OpenHealthLive.Web.Tests.Presenter;

/// <summary>
/// A congress: the organiser (the key) runs every session; a speaker's link drives one session; a moderator's link
/// moderates one session and never moves its slides. Checked at every hub call and page, whatever a page shows.
/// </summary>
public sealed class StaffRoleTests : IDisposable
{
    private const string Poll = "pillar-most";
    private readonly OpenHealthLiveFactory _factory = new();

    public StaffRoleTests() => _factory.Settings["Decks:DefaultDeck"] = "open-healthcare";

    private static string Talk => OpenHealthLiveFactory.DefaultCode;

    [Fact]
    public void Every_staff_hub_method_names_the_right_it_needs()
    {
        var methods = typeof(LiveHub).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && !m.IsDefined(typeof(AllowAudienceAttribute)) && m.Name != nameof(LiveHub.OnDisconnectedAsync))
            .ToDictionary(m => m.Name, m => m.GetCustomAttribute<StaffAttribute>()?.Permission.ToString() ?? "organiser only");

        // A new staff method is a deliberate decision: add it here with the right it needs.
        var drive = new[] { "ClearStrokes", "DrawStroke", "EndSession", "EraseStroke", "FinishStroke", "FirstSlide", "GetAudienceDataCounts", "GoLive", "GoToSlide", "LastSlide", "NextStep", "PauseTimer", "PreviousStep", "ReopenSession", "ResetTimer", "SetCaptionsKept", "SetProjector", "SetProjectorCaptions", "StartTimer" };
        var caption = new[] { "CommitCaption", "JoinAsCaptioner", "TypeCaption" };
        var moderate = new[] { "BlockDevice", "ClosePoll", "EditQuestion", "GetModerationQueue", "GetMoreModerationQueue", "GetPollDashboard", "ModerateQuestion", "OpenPoll", "ResetPoll", "SetPreModeration", "SetQuestionsOpen", "SetSlowMode", "ShowPollResults", "UnblockDevice" };
        Assert.Equal(drive, methods.Where(m => m.Value == "Drive").Select(m => m.Key).Order());
        Assert.Equal(moderate, methods.Where(m => m.Value == "Moderate").Select(m => m.Key).Order());
        Assert.Equal(caption, methods.Where(m => m.Value == "Caption").Select(m => m.Key).Order());
        Assert.Equal(["JoinAsPresenter", "WatchRoom"], methods.Where(m => m.Value == "See").Select(m => m.Key).Order());
        Assert.Equal(["EraseSession"], methods.Where(m => m.Value == "Organise").Select(m => m.Key));
        Assert.Equal(methods.Count, drive.Length + moderate.Length + caption.Length + 3);
    }

    [Fact]
    public async Task A_speaker_drives_their_own_session_and_is_refused_anothers_on_the_hub_and_the_pages()
    {
        var other = await StartAsync();
        var (cookie, location) = await _factory.SignInWithLinkAsync((await IssueAsync(Talk, StaffRole.Speaker)).Secret);
        Assert.Equal($"/presenter/{Talk}", location);

        await using var speaker = await _factory.ConnectAsync(cookie);
        await speaker.InvokeAsync<PresenterJoined>(nameof(LiveHub.JoinAsPresenter), Talk);
        Assert.Equal(1, (await speaker.InvokeAsync<SlideState>(nameof(LiveHub.NextStep), Talk)).Slide);
        await speaker.InvokeAsync<PresenterQna>(nameof(LiveHub.GetModerationQueue), Talk);

        foreach (var call in new Func<Task>[]
        {
            () => speaker.InvokeAsync<SlideState>(nameof(LiveHub.NextStep), other.Code),
            () => speaker.InvokeAsync<PresenterJoined>(nameof(LiveHub.JoinAsPresenter), other.Code),
            () => speaker.InvokeAsync<PresenterQna>(nameof(LiveHub.GetModerationQueue), other.Code),
        })
        {
            var refused = await Assert.ThrowsAsync<HubException>(call);
            Assert.Contains($"speaker of session {Talk}, not of this session", refused.Message, StringComparison.Ordinal);
        }

        Assert.Equal(0, (await _factory.GetService<LiveSessionService>().FindAsync(other.Code, CancellationToken.None))!.Position.Slide);
        await ExpectStatusAsync(cookie, HttpStatusCode.OK, $"/presenter/{Talk}", $"/presenter/{Talk}/projector", $"/presenter/{Talk}/remote", $"/presenter/{Talk}/questions.csv");
        await ExpectStatusAsync(cookie, HttpStatusCode.Forbidden, $"/presenter/{other.Code}", $"/presenter/{other.Code}/projector", $"/presenter/{other.Code}/moderate", $"/presenter/{other.Code}/questions.csv", "/organiser");
    }

    [Fact]
    public async Task A_moderator_moderates_and_runs_polls_but_cannot_move_the_slides_or_the_projector()
    {
        var (cookie, location) = await _factory.SignInWithLinkAsync((await IssueAsync(Talk, StaffRole.Moderator)).Secret.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal));
        Assert.Equal($"/presenter/{Talk}/moderate", location);
        await using var phone = await _factory.ConnectPhoneAsync();
        var asked = await phone.InvokeAsync<AskQuestionResult>(nameof(LiveHub.AskQuestion), Talk, "q1", "Which licence?", null);

        await using var moderator = await _factory.ConnectAsync(cookie);
        await moderator.InvokeAsync<PresenterJoined>(nameof(LiveHub.JoinAsPresenter), Talk);
        await moderator.InvokeAsync<PresenterQuestion?>(nameof(LiveHub.ModerateQuestion), Talk, asked.QuestionId, "pin");
        Assert.True((await moderator.InvokeAsync<PresenterPoll>(nameof(LiveHub.OpenPoll), Talk, Poll)).IsOpen);
        Assert.True((await moderator.InvokeAsync<PresenterPoll>(nameof(LiveHub.ShowPollResults), Talk, Poll, true)).ResultsVisible);

        foreach (var call in new Func<Task>[]
        {
            () => moderator.InvokeAsync<SlideState>(nameof(LiveHub.NextStep), Talk),
            () => moderator.InvokeAsync<SlideState>(nameof(LiveHub.GoToSlide), Talk, 3, 0),
            () => moderator.InvokeAsync<ProjectorState>(nameof(LiveHub.SetProjector), Talk, true, false),
            () => moderator.InvokeAsync<TimerState>(nameof(LiveHub.StartTimer), Talk),
        })
        {
            var refused = await Assert.ThrowsAsync<HubException>(call);
            Assert.Contains("moving the slides, the timer and the projector are for the speaker", refused.Message, StringComparison.Ordinal);
        }

        Assert.Equal(0, (await _factory.GetService<LiveSessionService>().FindAsync(Talk, CancellationToken.None))!.Position.Slide);
        await ExpectStatusAsync(cookie, HttpStatusCode.OK, $"/presenter/{Talk}/moderate", $"/presenter/{Talk}/questions.csv", $"/presenter/{Talk}/questions-board");
        await ExpectStatusAsync(cookie, HttpStatusCode.Forbidden, $"/presenter/{Talk}/projector", $"/presenter/{Talk}/remote", "/organiser");

        // The page shows the questions and polls and no slide control; the console sends a moderator there.
        using var client = _factory.CreatePlainClient();
        using (var page = await GetAsync(client, cookie, $"/presenter/{Talk}/moderate"))
        {
            var html = await page.Content.ReadAsStringAsync();
            Assert.Contains("id=\"moderation-list\"", html, StringComparison.Ordinal);
            Assert.Contains("id=\"poll-list\"", html, StringComparison.Ordinal);
            Assert.DoesNotContain("id=\"next\"", html, StringComparison.Ordinal);
            Assert.DoesNotContain("toggle-blackout", html, StringComparison.Ordinal);
        }

        using var console = await GetAsync(client, cookie, $"/presenter/{Talk}");
        Assert.Equal(HttpStatusCode.Redirect, console.StatusCode);
        Assert.Equal($"/presenter/{Talk}/moderate", console.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_revoked_link_ends_its_sign_ins_at_once_on_open_connections_and_signs_nobody_in_again()
    {
        var link = await IssueAsync(Talk, StaffRole.Speaker);
        var (cookie, _) = await _factory.SignInWithLinkAsync(link.Secret);
        await using var speaker = await _factory.ConnectAsync(cookie);
        await speaker.InvokeAsync<PresenterJoined>(nameof(LiveHub.JoinAsPresenter), Talk);
        var closed = new TaskCompletionSource();
        speaker.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };

        Assert.True(await _factory.GetService<SessionGrants>().RevokeAsync(Talk, link.Id, CancellationToken.None));

        await closed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await ExpectStatusAsync(cookie, HttpStatusCode.Redirect, $"/presenter/{Talk}");
        await using var again = await _factory.ConnectAsync(cookie);
        await Assert.ThrowsAsync<HubException>(() => again.InvokeAsync<SlideState>(nameof(LiveHub.NextStep), Talk));

        using var client = _factory.CreatePlainClient();
        var (token, antiforgery) = await OpenHealthLiveFactory.GetAntiforgeryAsync(client, "/presenter/join");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/presenter/join")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Secret"] = link.Secret, ["__RequestVerificationToken"] = token }),
        };
        request.Headers.Add("Cookie", antiforgery);
        using var refused = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("revoked", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_organiser_plans_a_session_and_makes_a_link_shown_once_that_the_database_keeps_only_as_a_hash()
    {
        var organiser = await _factory.SignInAsync();
        using var client = _factory.CreatePlainClient();
        var (token, antiforgery) = await AntiforgeryAsync(client, organiser, "/organiser");
        using (var create = await PostAsync(client, organiser, antiforgery, "/organiser?handler=Create", new()
        {
            ["Input.Title"] = "Open source in the clinic",
            ["Input.Deck"] = "getting-started",
            ["Input.Room"] = "Hall B",
            ["Input.StartsAt"] = "2026-12-07T09:30",
            ["Input.Rehearsal"] = "true",
            ["__RequestVerificationToken"] = token,
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, create.StatusCode);
        }

        var planned = (await _factory.GetService<LiveSessionService>().ListAsync(CancellationToken.None)).Single(s => s.Plan.Title == "Open source in the clinic");
        Assert.Equal(("Hall B", true, "getting-started"), (planned.Plan.Room, planned.Plan.IsRehearsal, planned.DeckSlug));

        using var issued = await PostAsync(client, organiser, antiforgery, "/organiser?handler=Link", new() { ["code"] = planned.Code, ["role"] = "moderator", ["__RequestVerificationToken"] = token });
        var page = await issued.Content.ReadAsStringAsync();
        var secret = System.Text.RegularExpressions.Regex.Match(page, "id=\"issued-code\"[^>]*value=\"([A-Z0-9-]+)\"").Groups[1].Value;
        Assert.Matches("^[A-Z2-9]{5}(-[A-Z2-9]{5}){3}$", secret);
        Assert.Contains($"/presenter/join#{secret}", page, StringComparison.Ordinal);
        Assert.True(issued.Headers.CacheControl?.NoStore, "the page with the secret may be stored by the browser or a proxy");

        using var listed = await GetAsync(client, organiser, "/organiser");
        var list = await listed.Content.ReadAsStringAsync();
        Assert.Contains("Hall B", list, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, list, StringComparison.Ordinal);

        await using var db = await _factory.GetService<IDbContextFactory<LiveDbContext>>().CreateDbContextAsync();
        var stored = await db.SessionGrants.SingleAsync();
        Assert.DoesNotContain(secret.Replace("-", string.Empty, StringComparison.Ordinal), stored.SecretHash, StringComparison.Ordinal);
        var (_, location) = await _factory.SignInWithLinkAsync(secret);
        Assert.Equal($"/presenter/{planned.Code}/moderate", location);
    }

    public void Dispose() => _factory.Dispose();

    private async Task<LiveSessionState> StartAsync() => await _factory.GetService<LiveSessionService>().StartAsync("open-healthcare", CancellationToken.None);

    private Task<IssuedGrant> IssueAsync(string code, StaffRole role) => _factory.GetService<SessionGrants>().IssueAsync(code, role, CancellationToken.None);

    private async Task ExpectStatusAsync(string cookie, HttpStatusCode expected, params string[] paths)
    {
        using var client = _factory.CreatePlainClient();
        foreach (var path in paths)
        {
            using var response = await GetAsync(client, cookie, path);
            Assert.True(response.StatusCode == expected, $"{path} answered {(int)response.StatusCode}, expected {(int)expected}");
        }
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string cookie, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }

    private static async Task<(string Token, string Cookie)> AntiforgeryAsync(HttpClient client, string cookie, string path)
    {
        using var page = await GetAsync(client, cookie, path);
        var html = await page.Content.ReadAsStringAsync();
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var antiforgery = page.Headers.GetValues("Set-Cookie").First(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal)).Split(';')[0];
        return (token, antiforgery);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string cookie, string antiforgery, string path, Dictionary<string, string> form)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("Cookie", $"{cookie}; {antiforgery}");
        return await client.SendAsync(request);
    }
}
