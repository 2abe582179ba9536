using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using OpenHealthLive.Core.Sessions;
using OpenHealthLive.Web.Tests.Infrastructure;
using static OpenHealthLive.Web.Tests.Captions.Captioning;
using static OpenHealthLive.Web.Tests.Privacy.AudienceData;

namespace OpenHealthLive.Web.Tests.Captions;

/// <summary>
/// Live captions over the hub: a captioner's link signs in to one session's caption console and nothing else; what
/// it types reaches the phones that turned captions on, each committed line kept with the slide it was said on;
/// phones get lines only of slides the room was shown; lines are limited in size and rate per sign-in, masked by
/// the patient-data guard, and deleted at the end of the talk unless the presenter keeps them.
/// </summary>
public sealed class CaptionHubTests : IDisposable
{
    private const string Talk = OpenHealthLiveFactory.DefaultCode;
    private readonly OpenHealthLiveFactory _factory = new();

    public CaptionHubTests() => _factory.Settings["Decks:DefaultDeck"] = "open-healthcare";

    [Fact]
    public async Task A_captioner_link_from_the_programme_signs_in_to_the_caption_console_of_its_session_and_nowhere_else()
    {
        var organiser = await _factory.SignInAsync();
        var other = await _factory.GetService<LiveSessionService>().StartAsync("open-healthcare", CancellationToken.None);
        var (cookie, location) = await _factory.SignInWithLinkAsync(await IssueLinkAsync(_factory, organiser, Talk));
        Assert.Equal($"/presenter/{Talk}/captions", location);

        using var client = _factory.CreatePlainClient();
        using (var console = await SendAsync(client, HttpMethod.Get, location, cookie))
        {
            Assert.Equal(HttpStatusCode.OK, console.StatusCode);
            Assert.Contains("id=\"caption-input\"", await console.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var presenterConsole = await SendAsync(client, HttpMethod.Get, $"/presenter/{Talk}", cookie))
        {
            Assert.Equal(HttpStatusCode.Redirect, presenterConsole.StatusCode);
            Assert.Equal($"/presenter/{Talk}/captions", presenterConsole.Headers.Location?.OriginalString);
        }

        foreach (var path in new[] { $"/presenter/{Talk}/moderate", $"/presenter/{Talk}/projector", $"/presenter/{Talk}/remote", $"/presenter/{Talk}/questions.csv", $"/presenter/{other.Code}/captions", "/organiser" })
        {
            using var refused = await SendAsync(client, HttpMethod.Get, path, cookie);
            Assert.True(refused.StatusCode == HttpStatusCode.Forbidden, $"{path} answered {(int)refused.StatusCode} to a captioner");
        }

        await using var captioner = new Listener(await _factory.ConnectAsync(cookie));
        var joined = await captioner.Connection.InvokeAsync<JsonElement>("JoinAsCaptioner", Talk);
        Assert.Equal(0, joined.GetProperty("state").GetProperty("slide").GetInt32());
        foreach (var call in new Func<Task>[]
        {
            () => captioner.Connection.InvokeAsync<JsonElement>("JoinAsPresenter", Talk),
            () => captioner.Connection.InvokeAsync<JsonElement>("GetModerationQueue", Talk),
            () => captioner.Connection.InvokeAsync<JsonElement>("NextStep", Talk),
            () => captioner.Connection.InvokeAsync<JsonElement>("SetCaptionsKept", Talk, true),
            () => captioner.Connection.InvokeAsync<JsonElement>("CommitCaption", other.Code, "Not my session", null),
        })
        {
            var refused = await Assert.ThrowsAsync<HubException>(call);
            Assert.Contains($"captioner of session {Talk}", refused.Message, StringComparison.Ordinal);
        }

        // The speaker and the organiser caption too (a colleague at the speaker's laptop); a moderator does not.
        await using var speaker = await StaffAsync(_factory, await IssueLinkAsync(_factory, organiser, Talk, "speaker"));
        await speaker.Connection.InvokeAsync<JsonElement>("CommitCaption", Talk, "Said by the speaker's colleague", null);
        await using var host = new Listener(await _factory.ConnectAsync(organiser));
        await host.Connection.InvokeAsync<JsonElement>("CommitCaption", Talk, "Said by the organiser", null);
        await using var moderator = await StaffAsync(_factory, await IssueLinkAsync(_factory, organiser, Talk, "moderator"));
        var notModerator = await Assert.ThrowsAsync<HubException>(() => moderator.Connection.InvokeAsync<JsonElement>("CommitCaption", Talk, "Said by the moderator", null));
        Assert.Contains("moderator of session", notModerator.Message, StringComparison.Ordinal);
        Assert.Equal(["Said by the speaker's colleague", "Said by the organiser"], (await CaptionRowsAsync(_factory, Talk)).Select(r => r.Text));
    }

    [Fact]
    public async Task The_caption_console_is_told_when_the_presenter_moves_to_another_slide()
    {
        var organiser = await _factory.SignInAsync();
        await using var captioner = await StaffAsync(_factory, await IssueLinkAsync(_factory, organiser, Talk));
        await captioner.Connection.InvokeAsync<JsonElement>("JoinAsCaptioner", Talk);
        await using var presenter = new Listener(await _factory.ConnectAsync(organiser));
        await presenter.Connection.InvokeAsync<JsonElement>("JoinAsPresenter", Talk);

        await presenter.Connection.InvokeAsync<JsonElement>("NextStep", Talk);

        // The console learns of the move as it happens (slide changes go to each language's group).
        await captioner.WaitForAsync("SlideChanged", state => state.GetProperty("slide").GetInt32() == 1);
    }

    [Fact]
    public async Task Lines_typed_in_the_console_reach_every_phone_that_turned_captions_on_with_the_slide_they_were_said_on()
    {
        var organiser = await _factory.SignInAsync();
        await using var captioner = await StaffAsync(_factory, await IssueLinkAsync(_factory, organiser, Talk));
        await captioner.Connection.InvokeAsync<JsonElement>("JoinAsCaptioner", Talk);
        await using var presenter = new Listener(await _factory.ConnectAsync(organiser));
        await using var a = await ReaderAsync(_factory);
        await using var b = await ReaderAsync(_factory);
        await using var notReading = await ReaderAsync(_factory, captions: false);

        await captioner.Connection.InvokeAsync<JsonElement>("TypeCaption", Talk, "Good morn");
        foreach (var phone in new[] { a, b })
        {
            await phone.WaitForTextAsync("CaptionTyping", "Good morn");
        }

        // A phone that turns captions on mid-line gets the line in progress with the lines so far.
        await using (var midLine = await ReaderAsync(_factory))
        {
            Assert.Equal("Good morn", midLine.History.GetProperty("draft").GetString());
        }

        var receipt = await captioner.Connection.InvokeAsync<JsonElement>("CommitCaption", Talk, "Good morning, everyone.", null);
        Assert.Equal((0, "Good morning, everyone."), (receipt.GetProperty("slide").GetInt32(), receipt.GetProperty("text").GetString()));
        await presenter.Connection.InvokeAsync<JsonElement>("NextStep", Talk);
        await captioner.Connection.InvokeAsync<JsonElement>("CommitCaption", Talk, "Here is the second slide.", null);
        foreach (var phone in new[] { a, b })
        {
            Assert.Equal(0, (await phone.WaitForTextAsync("CaptionCommitted", "Good morning, everyone.")).GetProperty("slide").GetInt32());
            Assert.Equal(1, (await phone.WaitForTextAsync("CaptionCommitted", "Here is the second slide.")).GetProperty("slide").GetInt32());
        }

        // A phone without captions on gets none of it: every message to it is in order, so by the slide change that
        // follows the lines, any caption would have come first.
        await presenter.Connection.InvokeAsync<JsonElement>("NextStep", Talk);
        await notReading.WaitForAsync("SlideChanged", m => m.GetProperty("slide").GetInt32() == 2);
        Assert.DoesNotContain(notReading.Received, r => r.Event.StartsWith("Caption", StringComparison.Ordinal));

        // A phone that turns captions on later gets the lines so far, in order.
        await using var late = await ReaderAsync(_factory);
        Assert.Equal(["Good morning, everyone.", "Here is the second slide."], Texts(late.History.GetProperty("lines")));
        Assert.Equal([(0, "Good morning, everyone."), (1, "Here is the second slide.")], await CaptionRowsAsync(_factory, Talk));

        // Turned off, a phone gets no more lines.
        await a.Connection.InvokeAsync<JsonElement>("FollowCaptions", Talk, false);
        await captioner.Connection.InvokeAsync<JsonElement>("CommitCaption", Talk, "Only for readers.", null);
        await b.WaitForTextAsync("CaptionCommitted", "Only for readers.");
        await presenter.Connection.InvokeAsync<JsonElement>("NextStep", Talk);
        await a.WaitForAsync("SlideChanged", m => m.GetProperty("slide").GetInt32() == 3);
        Assert.DoesNotContain(a.Messages("CaptionCommitted"), m => m.GetProperty("text").GetString() == "Only for readers.");
    }

    [Fact]
    public async Task A_line_begun_on_one_slide_stays_with_it_when_committed_after_the_talk_moved_on_and_never_lands_on_a_slide_not_shown()
    {
        var organiser = await _factory.SignInAsync();
        await using var captioner = await StaffAsync(_factory, await IssueLinkAsync(_factory, organiser, Talk));
        await using var presenter = new Listener(await _factory.ConnectAsync(organiser));
        await presenter.Connection.InvokeAsync<JsonElement>("NextStep", Talk);

        var late = await captioner.Connection.InvokeAsync<JsonElement>("CommitCaption", Talk, "Finished after the slide changed.", 0);
        var ahead = await captioner.Connection.InvokeAsync<JsonElement>("CommitCaption", Talk, "Claims a slide not shown yet.", 5);
        var now = await captioner.Connection.InvokeAsync<JsonElement>("CommitCaption", Talk, "Said now.", null);

        Assert.Equal([0, 1, 1], new[] { late, ahead, now }.Select(r => r.GetProperty("slide").GetInt32()));
        Assert.Equal([(0, "Finished after the slide changed."), (1, "Claims a slide not shown yet."), (1, "Said now.")], await CaptionRowsAsync(_factory, Talk));
    }

    [Fact]
    public async Task Phones_get_captions_only_of_slides_the_room_has_been_shown()
    {
        var organiser = await _factory.SignInAsync();
        await using var captioner = await StaffAsync(_factory, await IssueLinkAsync(_factory, organiser, Talk));
        await using var presenter = new Listener(await _factory.ConnectAsync(organiser));
        await captioner.Connection.InvokeAsync<JsonElement>("CommitCaption", Talk, "On the title slide.", null);
        await presenter.Connection.InvokeAsync<JsonElement>("GoToSlide", Talk, 3, 0);
        await captioner.Connection.InvokeAsync<JsonElement>("CommitCaption", Talk, "On slide four.", null);
        // A row for a slide the room has not been shown (kept from a rehearsal, or the deck was edited since).
        await InsertRowAsync(_factory, Talk, 5, "On slide six, never shown.");

        await using var phone = await ReaderAsync(_factory);

        Assert.Equal(["On the title slide.", "On slide four."], Texts(phone.History.GetProperty("lines")));
        Assert.Equal(["On slide four."], Texts(await phone.Connection.InvokeAsync<JsonElement>("GetCaptions", Talk, 3)));
        foreach (var slide in new[] { 1, 5, 99, -1 })
        {
            var refused = await Assert.ThrowsAsync<HubException>(() => phone.Connection.InvokeAsync<JsonElement>("GetCaptions", Talk, slide));
            Assert.Contains("not been shown", refused.Message, StringComparison.Ordinal);
        }

        // Once the room is shown slide six, its lines are the phone's too.
        await presenter.Connection.InvokeAsync<JsonElement>("GoToSlide", Talk, 5, 0);
        Assert.Equal(["On slide six, never shown."], Texts(await phone.Connection.InvokeAsync<JsonElement>("GetCaptions", Talk, 5)));
    }

    [Fact]
    public async Task Caption_text_is_limited_in_size_and_in_rate_per_sign_in_and_the_refusals_say_why()
    {
        var clock = new StoppedClock();
        _factory.Clock = clock;
        _factory.Settings["Captions:LinesPerMinute"] = "3";
        _factory.Settings["Captions:DraftsPerMinute"] = "4";
        var organiser = await _factory.SignInAsync();
        var (cookie, _) = await _factory.SignInWithLinkAsync(await IssueLinkAsync(_factory, organiser, Talk));
        await using var captioner = new Listener(await _factory.ConnectAsync(cookie));

        var tooLong = await Assert.ThrowsAsync<HubException>(() => captioner.Connection.InvokeAsync<JsonElement>("CommitCaption", Talk, new string('a', 501), null));
        Assert.Contains("at most 500 characters", tooLong.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<HubException>(() => captioner.Connection.InvokeAsync<JsonElement>("TypeCaption", Talk, new string('a', 501)));
        Assert.Empty(await CaptionRowsAsync(_factory, Talk));

        for (var i = 0; i < 4; i++)
        {
            await captioner.Connection.InvokeAsync<JsonElement>("TypeCaption", Talk, $"draft {i}");
        }

        var drafts = await Assert.ThrowsAsync<HubException>(() => captioner.Connection.InvokeAsync<JsonElement>("TypeCaption", Talk, "one too many"));
        Assert.Contains("too quickly", drafts.Message, StringComparison.Ordinal);

        for (var i = 0; i < 3; i++)
        {
            await captioner.Connection.InvokeAsync<JsonElement>("CommitCaption", Talk, $"Line {i}.", null);
        }

        var lines = await Assert.ThrowsAsync<HubException>(() => captioner.Connection.InvokeAsync<JsonElement>("CommitCaption", Talk, "One line too many.", null));
        Assert.Contains("too quickly", lines.Message, StringComparison.Ordinal);

        // The limit is the sign-in's, not the connection's: a new connection with the same cookie is still refused.
        await using (var again = new Listener(await _factory.ConnectAsync(cookie)))
        {
            await Assert.ThrowsAsync<HubException>(() => again.Connection.InvokeAsync<JsonElement>("CommitCaption", Talk, "Through a new connection.", null));
        }

        // Another captioner (another link, another sign-in) has an allowance of their own.
        await using (var colleague = await StaffAsync(_factory, await IssueLinkAsync(_factory, organiser, Talk)))
        {
            await colleague.Connection.InvokeAsync<JsonElement>("CommitCaption", Talk, "From the second captioner.", null);
        }

        await Assert.ThrowsAsync<HubException>(() => captioner.Connection.InvokeAsync<JsonElement>("CommitCaption", Talk, "Still too many.", null));
        clock.Advance(TimeSpan.FromMinutes(1));
        await captioner.Connection.InvokeAsync<JsonElement>("CommitCaption", Talk, "A minute later.", null);
        Assert.Equal(["Line 0.", "Line 1.", "Line 2.", "From the second captioner.", "A minute later."], (await CaptionRowsAsync(_factory, Talk)).Select(r => r.Text));
    }

    [Fact]
    public async Task Captions_are_deleted_when_the_talk_ends_unless_the_presenter_chose_to_keep_them()
    {
        var organiser = await _factory.SignInAsync();
        var marker = Marker("Transcript");
        await using var captioner = await StaffAsync(_factory, await IssueLinkAsync(_factory, organiser, Talk));
        await using var presenter = new Listener(await _factory.ConnectAsync(organiser));
        await using var phone = await ReaderAsync(_factory);
        await captioner.Connection.InvokeAsync<JsonElement>("CommitCaption", Talk, $"Said before the end: {marker}.", null);
        Assert.NotEmpty(await WaitForFilesAsync(_factory.DataDirectory, marker, present: true));

        await presenter.Connection.InvokeAsync<JsonElement>("EndSession", Talk);

        await phone.WaitForAsync("CaptionsCleared", m => m.GetProperty("code").GetString() == Talk);
        Assert.Empty(await CaptionRowsAsync(_factory, Talk));
        Assert.Empty(await WaitForFilesAsync(_factory.DataDirectory, marker, present: false));
        var ended = await Assert.ThrowsAsync<HubException>(() => captioner.Connection.InvokeAsync<JsonElement>("CommitCaption", Talk, "Said after the end.", null));
        Assert.Contains("This talk has ended", ended.Message, StringComparison.Ordinal);

        // Another talk whose speaker keeps the captions: they stay after the end, for phones to look back at.
        var kept = await _factory.GetService<LiveSessionService>().StartAsync("open-healthcare", CancellationToken.None);
        await using var speaker = await StaffAsync(_factory, await IssueLinkAsync(_factory, organiser, kept.Code, "speaker"));
        var setting = await speaker.Connection.InvokeAsync<JsonElement>("SetCaptionsKept", kept.Code, true);
        Assert.True(setting.GetProperty("kept").GetBoolean());
        await speaker.Connection.InvokeAsync<JsonElement>("CommitCaption", kept.Code, "Kept for the transcript.", null);
        await speaker.Connection.InvokeAsync<JsonElement>("EndSession", kept.Code);
        Assert.Equal([(0, "Kept for the transcript.")], await CaptionRowsAsync(_factory, kept.Code));
        await using (var afterwards = await ReaderAsync(_factory, kept.Code))
        {
            Assert.Equal(["Kept for the transcript."], Texts(afterwards.History.GetProperty("lines")));
        }

        // Changing one's mind after the end deletes them at once.
        await speaker.Connection.InvokeAsync<JsonElement>("SetCaptionsKept", kept.Code, false);
        Assert.Empty(await CaptionRowsAsync(_factory, kept.Code));
    }

    [Fact]
    public async Task A_rehearsal_going_live_deletes_its_captions_kept_or_not()
    {
        var organiser = await _factory.SignInAsync();
        var rehearsal = await _factory.GetService<LiveSessionService>().StartAsync("open-healthcare", new SessionPlan(null, null, null, IsRehearsal: true), CancellationToken.None);
        await using var speaker = await StaffAsync(_factory, await IssueLinkAsync(_factory, organiser, rehearsal.Code, "speaker"));
        await speaker.Connection.InvokeAsync<JsonElement>("SetCaptionsKept", rehearsal.Code, true);
        await speaker.Connection.InvokeAsync<JsonElement>("CommitCaption", rehearsal.Code, "Said in the rehearsal.", null);
        await using var phone = await ReaderAsync(_factory, rehearsal.Code);

        await speaker.Connection.InvokeAsync<JsonElement>("GoLive", rehearsal.Code);

        await phone.WaitForAsync("CaptionsCleared", m => m.GetProperty("code").GetString() == rehearsal.Code);
        Assert.Empty(await CaptionRowsAsync(_factory, rehearsal.Code));
    }

    [Fact]
    public async Task A_patient_identifier_in_a_caption_is_masked_before_it_is_stored_or_sent_and_a_number_being_typed_waits_until_it_is_whole()
    {
        var organiser = await _factory.SignInAsync();
        await using var captioner = await StaffAsync(_factory, await IssueLinkAsync(_factory, organiser, Talk));
        await using var phone = await ReaderAsync(_factory);

        // Half typed, the number is no identifier yet: it is held back from the phones until something follows it.
        var draft = await captioner.Connection.InvokeAsync<JsonElement>("TypeCaption", Talk, "Her NHS number is 943 476");
        Assert.Equal("Her NHS number is", draft.GetProperty("text").GetString()!.TrimEnd());
        await phone.WaitForAsync("CaptionTyping", m => m.GetProperty("text").GetString()!.TrimEnd() == "Her NHS number is");
        var whole = await captioner.Connection.InvokeAsync<JsonElement>("TypeCaption", Talk, "Her NHS number is 943 476 5919 and");
        Assert.Equal("Her NHS number is [NHS number ending …919] and", whole.GetProperty("text").GetString());

        var receipt = await captioner.Connection.InvokeAsync<JsonElement>("CommitCaption", Talk, "Her NHS number is 943 476 5919 and she is well.", null);

        const string Masked = "Her NHS number is [NHS number ending …919] and she is well.";
        Assert.Equal(Masked, receipt.GetProperty("text").GetString());
        Assert.Contains("NHS number", receipt.GetProperty("masked").GetString(), StringComparison.Ordinal);
        await phone.WaitForTextAsync("CaptionCommitted", Masked);
        Assert.Equal([(0, Masked)], await CaptionRowsAsync(_factory, Talk));
        Assert.DoesNotContain(phone.Received, r => r.Message.GetRawText().Contains("5919", StringComparison.Ordinal));
        Assert.Empty(await WaitForFilesAsync(_factory.DataDirectory, "943 476 5919", present: false));
    }

    [Fact]
    public async Task The_projector_caption_bar_is_switched_by_the_speaker_and_kept_like_the_rest_of_the_projector_state()
    {
        var organiser = await _factory.SignInAsync();
        await using var presenter = new Listener(await _factory.ConnectAsync(organiser));
        await presenter.Connection.InvokeAsync<JsonElement>("JoinAsPresenter", Talk);

        var on = await presenter.Connection.InvokeAsync<JsonElement>("SetProjectorCaptions", Talk, true);
        Assert.True(on.GetProperty("captions").GetBoolean());
        await presenter.WaitForAsync("ProjectorChanged", m => m.GetProperty("captions").GetBoolean());
        // Blacking out and back leaves the caption bar as it was.
        await presenter.Connection.InvokeAsync<JsonElement>("SetProjector", Talk, true, false);
        var back = await presenter.Connection.InvokeAsync<JsonElement>("SetProjector", Talk, false, false);
        Assert.True(back.GetProperty("captions").GetBoolean());

        await using var projector = new Listener(await _factory.ConnectAsync(organiser));
        var joined = await projector.Connection.InvokeAsync<JsonElement>("JoinAsPresenter", Talk);
        Assert.True(joined.GetProperty("projector").GetProperty("captions").GetBoolean());

        await using var moderator = await StaffAsync(_factory, await IssueLinkAsync(_factory, organiser, Talk, "moderator"));
        await using var captioner = await StaffAsync(_factory, await IssueLinkAsync(_factory, organiser, Talk));
        foreach (var staff in new[] { moderator, captioner })
        {
            await Assert.ThrowsAsync<HubException>(() => staff.Connection.InvokeAsync<JsonElement>("SetProjectorCaptions", Talk, false));
        }
    }

    [Fact]
    public async Task Caption_text_never_reaches_the_log_even_at_trace_level_nor_when_refused()
    {
        _factory.Settings["Logging:LogLevel:Default"] = "Trace";
        _factory.Settings["Logging:LogLevel:Microsoft"] = "Trace";
        _factory.Settings["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace";
        _factory.Settings["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Trace";
        var typed = Marker("CaptionDraft");
        var line = Marker("CaptionLine");
        var tooLong = Marker("CaptionTooLong");
        var organiser = await _factory.SignInAsync();
        await using var captioner = await StaffAsync(_factory, await IssueLinkAsync(_factory, organiser, Talk));
        await using var phone = await ReaderAsync(_factory);

        await captioner.Connection.InvokeAsync<JsonElement>("TypeCaption", Talk, $"Now {typed}");
        await captioner.Connection.InvokeAsync<JsonElement>("CommitCaption", Talk, $"Now {line}.", null);
        await Assert.ThrowsAsync<HubException>(() => captioner.Connection.InvokeAsync<JsonElement>("CommitCaption", Talk, tooLong + new string('x', 600), null));
        await phone.WaitForTextAsync("CaptionCommitted", $"Now {line}.");

        var log = _factory.AllLogText;
        Assert.NotEmpty(_factory.Logs);
        foreach (var text in new[] { typed, line, tooLong })
        {
            Assert.DoesNotContain(text, log, StringComparison.OrdinalIgnoreCase);
        }
    }

    public void Dispose() => _factory.Dispose();
}
