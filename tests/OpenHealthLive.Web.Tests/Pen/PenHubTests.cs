using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using OpenHealthLive.Core.Sessions;
using OpenHealthLive.Web.Presenter;
using OpenHealthLive.Web.Tests.Infrastructure;
using static OpenHealthLive.Web.Tests.Pen.Drawing;

namespace OpenHealthLive.Web.Tests.Pen;

/// <summary>
/// The pen over the hub: the speaker draws on the current slide, phones see the line grow and keep it with its
/// slide; only those who drive the talk draw; a phone never gets the strokes of a slide the room was not shown;
/// strokes are limited in size, number and rate, and survive a restart.
/// </summary>
public sealed class PenHubTests : IDisposable
{
    private const string Talk = OpenHealthLiveFactory.DefaultCode;
    private static readonly int[] Tick = [1000, 5000, 2000, 6000, 3000, 7000, 4000, 5000, 6000, 2000];
    private readonly OpenHealthLiveFactory _factory = new();

    public PenHubTests() => _factory.Settings["Decks:DefaultDeck"] = "open-healthcare";

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Strokes_the_speaker_draws_reach_every_phone_as_they_grow_and_stay_with_their_slide()
    {
        await using var speaker = await SpeakerAsync();
        await using var a = await PhoneAsync();
        await using var b = await PhoneAsync();

        // The line grows on every phone piece by piece, before it is finished.
        await speaker.Connection.InvokeAsync<JsonElement>("DrawStroke", Talk, Piece("stroke-1", 0, 0, [1000, 1000, 1500, 1200]));
        await speaker.Connection.InvokeAsync<JsonElement>("DrawStroke", Talk, Piece("stroke-1", 0, 2, [2000, 1400]));
        foreach (var phone in new[] { a, b })
        {
            var growing = await phone.WaitForAsync("InkChanged", m => m.GetProperty("kind").GetString() == "drawing"
                && m.GetProperty("strokes")[0].GetProperty("from").GetInt32() == 2);
            Assert.Equal([2000, 1400], Points(growing.GetProperty("strokes")[0]));
        }

        var finished = await speaker.Connection.InvokeAsync<JsonElement>("FinishStroke", Talk, "stroke-1");
        Assert.Equal([1000, 1000, 1500, 1200, 2000, 1400], Points(finished));
        foreach (var phone in new[] { a, b })
        {
            var drawn = await phone.WaitForInkAsync("drawn", 0);
            Assert.Equal([1000, 1000, 1500, 1200, 2000, 1400], Points(drawn.GetProperty("strokes")[0]));
            Assert.Equal((Red, "pen"), (drawn.GetProperty("strokes")[0].GetProperty("colour").GetString(), drawn.GetProperty("strokes")[0].GetProperty("tool").GetString()));
        }

        Assert.Equal([(0, "stroke-1")], await StrokeRowsAsync(_factory, Talk));

        // The next slide has none; coming back, every phone is sent the slide's strokes again.
        await speaker.Connection.InvokeAsync<JsonElement>("NextStep", Talk);
        await DrawAsync(speaker.Connection, Talk, "stroke-2", 1, Tick, "highlighter", Yellow);
        await speaker.Connection.InvokeAsync<JsonElement>("PreviousStep", Talk);
        var back = await a.WaitForInkAsync("slide", 0);
        Assert.Equal(["stroke-1"], Ids(back.GetProperty("strokes")));

        // A phone that joins later reads each shown slide's strokes.
        await using var late = await PhoneAsync();
        Assert.Equal(["stroke-1"], Ids(await late.Connection.InvokeAsync<JsonElement>("GetStrokes", Talk, 0)));
        var onSecond = await late.Connection.InvokeAsync<JsonElement>("GetStrokes", Talk, 1);
        Assert.Equal(["stroke-2"], Ids(onSecond));
        Assert.Equal(Tick, Points(onSecond[0]));
        Assert.Equal("highlighter", onSecond[0].GetProperty("tool").GetString());
    }

    [Fact]
    public async Task The_eraser_and_clear_remove_strokes_from_every_phone_and_from_the_database()
    {
        await using var speaker = await SpeakerAsync();
        await using var phone = await PhoneAsync();
        await DrawAsync(speaker.Connection, Talk, "keep", 0, Tick);
        await DrawAsync(speaker.Connection, Talk, "rub-out", 0, Tick);
        await DrawAsync(speaker.Connection, Talk, "also", 0, Tick);

        await speaker.Connection.InvokeAsync<JsonElement>("EraseStroke", Talk, 0, "rub-out");
        var erased = await phone.WaitForInkAsync("erased", 0);
        Assert.Equal("rub-out", erased.GetProperty("erased").GetString());
        Assert.Equal([(0, "keep"), (0, "also")], await StrokeRowsAsync(_factory, Talk));
        Assert.Equal(["keep", "also"], Ids(await phone.Connection.InvokeAsync<JsonElement>("GetStrokes", Talk, 0)));

        await speaker.Connection.InvokeAsync<JsonElement>("ClearStrokes", Talk, 0);
        await phone.WaitForInkAsync("cleared", 0);
        Assert.Empty(await StrokeRowsAsync(_factory, Talk));
        Assert.Empty(Ids(await phone.Connection.InvokeAsync<JsonElement>("GetStrokes", Talk, 0)));
    }

    [Fact]
    public async Task Only_the_speaker_and_the_organiser_draw_a_moderator_a_captioner_and_a_phone_are_refused()
    {
        await using var organiser = new Watcher(await _factory.ConnectAsync(await _factory.SignInAsync()));
        await DrawAsync(organiser.Connection, Talk, "by-organiser", 0, Tick);
        await using var speaker = await SpeakerAsync();
        await DrawAsync(speaker.Connection, Talk, "by-speaker", 0, Tick);

        await using var moderator = await StaffAsync(StaffRole.Moderator);
        await using var captioner = await StaffAsync(StaffRole.Captioner);
        await using var phone = await PhoneAsync();
        foreach (var (who, connection) in new[] { ("moderator", moderator.Connection), ("captioner", captioner.Connection), ("phone", phone.Connection) })
        {
            foreach (var call in new Func<Task>[]
            {
                () => connection.InvokeAsync<JsonElement>("DrawStroke", Talk, Piece("by-" + who, 0, 0, Tick)),
                () => connection.InvokeAsync<JsonElement>("FinishStroke", Talk, "by-speaker"),
                () => connection.InvokeAsync<JsonElement>("EraseStroke", Talk, 0, "by-speaker"),
                () => connection.InvokeAsync<JsonElement>("ClearStrokes", Talk, 0),
            })
            {
                await Assert.ThrowsAsync<HubException>(call);
            }
        }

        Assert.Equal([(0, "by-organiser"), (0, "by-speaker")], await StrokeRowsAsync(_factory, Talk));
        Assert.DoesNotContain(phone.Ink, m => m.GetProperty("strokes").GetRawText().Contains("by-phone", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_phone_never_gets_the_strokes_of_a_slide_the_room_was_not_shown()
    {
        await using var speaker = await SpeakerAsync();
        await using var phone = await PhoneAsync();

        // Drawing ahead of the room is refused, so nothing is pushed.
        var ahead = await Assert.ThrowsAsync<HubException>(() => speaker.Connection.InvokeAsync<JsonElement>("DrawStroke", Talk, Piece("ahead", 5, 0, Tick)));
        Assert.Contains("slide 6", ahead.Message, StringComparison.Ordinal);

        // A stroke kept for slide 6 (stale data: a row left from an older version, or written by hand) is not read back.
        await InsertRowAsync(_factory, Talk, 5, "stale");
        var asked = await Assert.ThrowsAsync<HubException>(() => phone.Connection.InvokeAsync<JsonElement>("GetStrokes", Talk, 5));
        Assert.Contains("has not been shown", asked.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<HubException>(() => phone.Connection.InvokeAsync<JsonElement>("GetStrokes", Talk, 99));

        // Moving to slide 2: the phone gets the slide change and nothing of slide 6.
        await speaker.Connection.InvokeAsync<JsonElement>("NextStep", Talk);
        await phone.WaitForSlideAsync(1);
        Assert.DoesNotContain(phone.Ink, m => m.GetProperty("slide").GetInt32() == 5);
        Assert.DoesNotContain(phone.Ink, m => m.GetRawText().Contains("stale", StringComparison.Ordinal));

        // Once the room is shown slide 6, its strokes come with it.
        await speaker.Connection.InvokeAsync<JsonElement>("GoToSlide", Talk, 5, 0);
        Assert.Equal(["stale"], Ids((await phone.WaitForInkAsync("slide", 5)).GetProperty("strokes")));
    }

    [Fact]
    public async Task Strokes_are_limited_in_points_colours_coordinates_and_number_with_a_clear_message_and_nothing_accepted_is_lost()
    {
        await using var speaker = await SpeakerAsync();
        await DrawAsync(speaker.Connection, Talk, "first", 0, Tick);

        async Task<string> Refused(object piece) =>
            (await Assert.ThrowsAsync<HubException>(() => speaker.Connection.InvokeAsync<JsonElement>("DrawStroke", Talk, piece))).Message;

        Assert.Contains("colour", await Refused(Piece("c", 0, 0, Tick, colour: "#123456")), StringComparison.Ordinal);
        Assert.Contains("pen or highlighter", await Refused(Piece("t", 0, 0, Tick, tool: "spray")), StringComparison.Ordinal);
        Assert.Contains("0 to 10000", await Refused(Piece("x", 0, 0, [100, 10001])), StringComparison.Ordinal);
        Assert.Contains("0 to 10000", await Refused(Piece("y", 0, 0, [-1, 100])), StringComparison.Ordinal);
        Assert.Contains("pairs", await Refused(Piece("odd", 0, 0, [100, 100, 200])), StringComparison.Ordinal);
        Assert.Contains("width", await Refused(Piece("w", 0, 0, Tick, width: 500)), StringComparison.Ordinal);
        Assert.Contains("id", await Refused(Piece("<script>", 0, 0, Tick)), StringComparison.Ordinal);

        // A stroke grows to 1500 points at most, in pieces of at most 250.
        Assert.Contains("250 points", await Refused(Piece("big", 0, 0, [.. Enumerable.Repeat(5000, 251 * 2)])), StringComparison.Ordinal);
        for (var from = 0; from < 1500; from += 250)
        {
            await speaker.Connection.InvokeAsync<JsonElement>("DrawStroke", Talk, Piece("long", 0, from, [.. Enumerable.Repeat(5000, 250 * 2)]));
        }

        Assert.Contains("1500 points", await Refused(Piece("long", 0, 1500, [5000, 5000])), StringComparison.Ordinal);
        Assert.Equal(1500, Points(await speaker.Connection.InvokeAsync<JsonElement>("FinishStroke", Talk, "long")).Length / 2);

        // A piece that does not follow on from what the server has is refused (a lost piece is not papered over).
        Assert.Contains("point 0", await Refused(Piece("gap", 0, 3, [100, 100])), StringComparison.Ordinal);
        Assert.Equal([(0, "first"), (0, "long")], await StrokeRowsAsync(_factory, Talk));
    }

    [Fact]
    public async Task A_slide_holds_at_most_200_strokes()
    {
        await using var speaker = await SpeakerAsync();
        for (var i = 0; i < 199; i++)
        {
            await InsertRowAsync(_factory, Talk, 0, $"s{i}");
        }

        await DrawAsync(speaker.Connection, Talk, "last", 0, Tick);
        var full = await Assert.ThrowsAsync<HubException>(() => DrawAsync(speaker.Connection, Talk, "one-too-many", 0, Tick));
        Assert.Contains("200 strokes", full.Message, StringComparison.Ordinal);
        Assert.Equal(200, (await StrokeRowsAsync(_factory, Talk)).Count);
    }

    [Fact]
    public async Task Drawing_too_quickly_is_refused_per_sign_in_whatever_the_connection()
    {
        _factory.Settings["Pen:PiecesPerMinute"] = "5";
        var (cookie, _) = await _factory.SignInWithLinkAsync((await _factory.GetService<SessionGrants>().IssueAsync(Talk, StaffRole.Speaker, CancellationToken.None)).Secret);
        await using var first = await _factory.ConnectAsync(cookie);
        for (var i = 0; i < 5; i++)
        {
            await first.InvokeAsync<JsonElement>("DrawStroke", Talk, Piece("quick", 0, i, [100, 100]));
        }

        var refused = await Assert.ThrowsAsync<HubException>(() => first.InvokeAsync<JsonElement>("DrawStroke", Talk, Piece("quick", 0, 5, [100, 100])));
        Assert.Contains("too quickly", refused.Message, StringComparison.Ordinal);

        // A new connection of the same sign-in has no new allowance.
        await using var second = await _factory.ConnectAsync(cookie);
        await Assert.ThrowsAsync<HubException>(() => second.InvokeAsync<JsonElement>("DrawStroke", Talk, Piece("again", 0, 0, [100, 100])));
    }

    [Fact]
    public async Task Strokes_survive_a_restart()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("ohl-pen-restart-").FullName;
        try
        {
            using (var first = new OpenHealthLiveFactory(dataDirectory))
            {
                await using var organiser = await first.ConnectAsync(await first.SignInAsync());
                await DrawAsync(organiser, Talk, "before-restart", 0, Tick);
            }

            using var second = new OpenHealthLiveFactory(dataDirectory);
            await using var phone = await second.ConnectAsync(await second.GetDeviceCookieAsync());
            await phone.InvokeAsync<JsonElement>("JoinSession", Talk);
            var strokes = await phone.InvokeAsync<JsonElement>("GetStrokes", Talk, 0);
            Assert.Equal(["before-restart"], Ids(strokes));
            Assert.Equal(Tick, Points(strokes[0]));
        }
        finally
        {
            OpenHealthLiveFactory.DeleteDataDirectory(dataDirectory);
        }
    }

    [Fact]
    public async Task A_rehearsal_going_live_deletes_its_strokes()
    {
        var rehearsal = await _factory.GetService<LiveSessionService>().StartAsync("open-healthcare", new SessionPlan("Rehearsal", "Hall A", null, IsRehearsal: true), CancellationToken.None);
        await using var organiser = await _factory.ConnectAsync(await _factory.SignInAsync());
        await DrawAsync(organiser, rehearsal.Code, "practice", 0, Tick);
        Assert.Single(await StrokeRowsAsync(_factory, rehearsal.Code));

        await organiser.InvokeAsync<JsonElement>("GoLive", rehearsal.Code);

        Assert.Empty(await StrokeRowsAsync(_factory, rehearsal.Code));
    }

    [Fact]
    public async Task The_printed_deck_has_each_slides_strokes_over_it()
    {
        var organiser = await _factory.SignInAsync();
        await using var speaker = await _factory.ConnectAsync(organiser);
        await DrawAsync(speaker, Talk, "printed", 0, [1000, 2000, 3000, 4000], colour: Red);

        using var client = _factory.CreatePlainClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/presenter/{Talk}/print");
        request.Headers.Add("Cookie", organiser);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        // 16:9 drawing units: x 1000/10000 of 1600 = 160, y 2000/10000 of 900 = 180.
        Assert.Contains("<path d=\"M160 180L480 360\"", html, StringComparison.Ordinal);
        Assert.Contains($"stroke=\"{Red}\"", html, StringComparison.Ordinal);
    }

    private async Task<Watcher> SpeakerAsync() => await StaffAsync(StaffRole.Speaker);

    private async Task<Watcher> StaffAsync(StaffRole role)
    {
        var grant = await _factory.GetService<SessionGrants>().IssueAsync(Talk, role, CancellationToken.None);
        return new Watcher(await _factory.ConnectAsync((await _factory.SignInWithLinkAsync(grant.Secret)).Cookie));
    }

    private async Task<Watcher> PhoneAsync()
    {
        var phone = new Watcher(await _factory.ConnectAsync(await _factory.GetDeviceCookieAsync()));
        await phone.Connection.InvokeAsync<JsonElement>("JoinSession", Talk);
        return phone;
    }
}
