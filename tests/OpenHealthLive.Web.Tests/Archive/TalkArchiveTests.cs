using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using OpenHealthLive.Core.Captions;
using OpenHealthLive.Core.Pen;
using OpenHealthLive.Core.Polls;
using OpenHealthLive.Core.Questions;
using OpenHealthLive.Core.Sessions;
using OpenHealthLive.Web.Presenter;
using OpenHealthLive.Web.Tests.Infrastructure;

namespace OpenHealthLive.Web.Tests.Archive;

/// <summary>
/// The whole talk in one file: what the room was shown and nothing else (no slide, fragment or picture it was not shown,
/// no held or hidden question, no result it was not shown in the room's copy), the notes only for those who drive the
/// talk, every untrusted text encoded, and nothing the file would fetch from anywhere.
/// </summary>
public sealed partial class TalkArchiveTests : IDisposable
{
    private const string Deck = "archived";
    private const string Code = OpenHealthLiveFactory.DefaultCode;
    private const string ShownPicture = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 4 4\"><rect width=\"4\" height=\"4\" fill=\"teal\"/></svg>";
    private const string SkippedPicture = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 4 4\"><circle r=\"2\" fill=\"crimson\"/></svg>";
    private readonly string _content = Directory.CreateTempSubdirectory("ohl-content-").FullName;
    private static readonly string[] SpanishMonths = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"];
    private readonly OpenHealthLiveFactory _factory;

    public TalkArchiveTests()
    {
        Directory.CreateDirectory(Path.Combine(_content, Deck));
        File.WriteAllText(Path.Combine(_content, Deck, "deck.md"), """
            ---
            title: Archived talk
            speaker: Dr Test
            ---

            # Opening slide

            ![A teal square](shown.svg)

            ::: notes
            NOTE-OPENING: say hello.
            :::

            ---

            ## Steps

            ::: incremental
            - Alpha point
            - Bravo point
            - Charlie point
            :::

            ---

            ## Skipped SECRET-SLIDE

            ![A crimson circle](skipped.svg)

            ---

            ## Vote now

            ```poll
            id: colour
            type: single
            question: Which colour?
            options:
              - Teal
              - Crimson
            ```

            ---

            ## Rank them

            ```poll
            id: ranked
            type: ranking
            question: Rank HIDDEN-RESULTS-POLL
            options:
              - First
              - Second
            ```

            ---

            ## Closing slide
            """);
        File.WriteAllText(Path.Combine(_content, Deck, "shown.svg"), ShownPicture);
        File.WriteAllText(Path.Combine(_content, Deck, "skipped.svg"), SkippedPicture);
        _factory = new OpenHealthLiveFactory();
        _factory.Settings["Decks:ContentPath"] = _content;
        _factory.Settings["Decks:DefaultDeck"] = Deck;
    }

    [Fact]
    public async Task The_rooms_copy_is_refused_until_the_talk_has_ended_and_then_downloads_as_one_file()
    {
        await ShowAsync((0, 0));
        using var client = _factory.CreatePlainClient();

        using (var early = await client.GetAsync($"/j/{Code}/archive"))
        {
            Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
            Assert.Contains("once the presenter ends it", await early.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        await EndAsync();
        using var response = await client.GetAsync($"/j/{Code}/archive");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Matches(@"^""?archived-\d{4}-\d{2}-\d{2}\.html""?$", response.Content.Headers.ContentDisposition?.FileName);
        Assert.Contains("Opening slide", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Slides_fragments_and_pictures_the_room_was_not_shown_are_in_no_archive()
    {
        await ShowAsync((0, 0), (1, 1), (5, 0));
        await EndAsync();

        foreach (var html in new[] { await PublicAsync(), await StaffAsync(await _factory.SignInAsync(), notes: true) })
        {
            Assert.Contains("Opening slide", html, StringComparison.Ordinal);
            Assert.Contains("Alpha point", html, StringComparison.Ordinal);
            Assert.Contains("Closing slide", html, StringComparison.Ordinal);
            Assert.Contains(DataUri(ShownPicture), html, StringComparison.Ordinal);
            Assert.DoesNotContain("Bravo point", html, StringComparison.Ordinal);
            Assert.DoesNotContain("SECRET-SLIDE", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Which colour?", html, StringComparison.Ordinal);
            Assert.DoesNotContain(DataUri(SkippedPicture), html, StringComparison.Ordinal);
            Assert.DoesNotContain("skipped.svg", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_attendee_never_gets_the_notes_and_a_moderator_takes_the_archive_home_without_them()
    {
        await ShowAsync((0, 0));
        await EndAsync();
        Assert.DoesNotContain("NOTE-OPENING", await PublicAsync("?notes=true"), StringComparison.Ordinal);

        var moderator = await LinkAsync(StaffRole.Moderator);
        using (var refused = await GetAsync($"/presenter/{Code}/archive?notes=true", moderator))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Contains("speaker notes are for the speaker", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // The moderator's page offers the copy they may take, and not the one with notes.
        using (var page = await GetAsync($"/presenter/{Code}/moderate", moderator))
        {
            var html = await page.Content.ReadAsStringAsync();
            Assert.Contains($"href=\"/presenter/{Code}/archive\"", html, StringComparison.Ordinal);
            Assert.DoesNotContain("archive?notes=true", html, StringComparison.Ordinal);
        }

        var withoutNotes = await StaffAsync(moderator, notes: false);
        Assert.Contains("Opening slide", withoutNotes, StringComparison.Ordinal);
        Assert.DoesNotContain("NOTE-OPENING", withoutNotes, StringComparison.Ordinal);

        Assert.Contains("NOTE-OPENING", await StaffAsync(await LinkAsync(StaffRole.Speaker), notes: true), StringComparison.Ordinal);
        Assert.Contains("NOTE-OPENING", await StaffAsync(await _factory.SignInAsync(), notes: true), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_file_is_written_in_the_language_of_its_slides_headings_charts_and_dates_included()
    {
        var deckFile = Path.Combine(_content, Deck, "deck.md");
        File.WriteAllText(deckFile, File.ReadAllText(deckFile).Replace("speaker: Dr Test", "speaker: Dr Test\nlanguage: es", StringComparison.Ordinal));
        await ShowAsync((0, 0), (3, 0));
        var polls = _factory.GetService<PollService>();
        await polls.OpenAsync(Code, "colour", CancellationToken.None);
        await polls.SetResultsVisibleAsync(Code, "colour", true, CancellationToken.None);
        var ended = await EndAsync();

        var html = await PublicAsync();

        Assert.Contains("<html lang=\"es\">", html, StringComparison.Ordinal);
        foreach (var spanish in new[] { ">Diapositivas</h2>", ">Preguntas respondidas</h2>", ">Datos abiertos</h2>", "Se mostraron 2 de 6 diapositivas.", "Una opción · 0 respuestas", "Sin respuestas.", "Creado por OpenHealthLive" })
        {
            Assert.Contains(spanish, html, StringComparison.Ordinal);
        }

        var date = ended.CreatedAt.UtcDateTime;
        Assert.Contains($"{date.Day} de {SpanishMonths[date.Month - 1]} de {date.Year}", html, StringComparison.Ordinal);
        foreach (var english in new[] { ">Slides<", "Answered questions", "Open data", "slides were shown", "No answers", "One choice", "Made by" })
        {
            Assert.DoesNotContain(english, html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_staff_copy_is_for_staff_of_this_session_only()
    {
        using (var anonymous = await GetAsync($"/presenter/{Code}/archive", cookie: null))
        {
            Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        }

        var captioner = await LinkAsync(StaffRole.Captioner);
        using var refused = await GetAsync($"/presenter/{Code}/archive", captioner);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task Held_and_hidden_questions_are_in_no_archive_even_when_marked_answered()
    {
        var questions = _factory.GetService<QuestionService>();
        var shown = await AskAsync(questions, "SHOWN-QUESTION about open data?", "AUTHOR-ADA");
        var held = await AskAsync(questions, "HELD-QUESTION: patient born 03/04/1961, what now?", null);
        var hidden = await AskAsync(questions, "HIDDEN-QUESTION off topic?", null);
        var unanswered = await AskAsync(questions, "UNANSWERED-QUESTION still waiting?", null);
        Assert.Equal(QuestionStatus.Held, held.Status);
        foreach (var id in new[] { shown.Id, held.Id, hidden.Id })
        {
            await questions.ModerateAsync(Code, id, QuestionModeration.MarkAnswered, CancellationToken.None);
        }

        await questions.ModerateAsync(Code, hidden.Id, QuestionModeration.Hide, CancellationToken.None);
        await ShowAsync((0, 0));
        await EndAsync();

        var staff = await StaffAsync(await _factory.SignInAsync(), notes: true);
        var room = await PublicAsync();
        foreach (var html in new[] { staff, room })
        {
            Assert.Contains("SHOWN-QUESTION", html, StringComparison.Ordinal);
            Assert.DoesNotContain("HELD-QUESTION", html, StringComparison.Ordinal);
            Assert.DoesNotContain("1961", html, StringComparison.Ordinal);
            Assert.DoesNotContain("HIDDEN-QUESTION", html, StringComparison.Ordinal);
            Assert.DoesNotContain("UNANSWERED-QUESTION", html, StringComparison.Ordinal);
        }

        // The name is the staff's to keep; the file the room takes home leaves it out.
        Assert.Contains("AUTHOR-ADA", staff, StringComparison.Ordinal);
        Assert.DoesNotContain("AUTHOR-ADA", room, StringComparison.Ordinal);
        var exported = EmbeddedJson(room, "questions").GetProperty("questions").EnumerateArray().ToList();
        Assert.Equal([shown.Id], exported.Select(q => q.GetProperty("id").GetInt64()));
    }

    [Fact]
    public async Task A_hostile_question_is_encoded_and_cannot_close_the_embedded_data()
    {
        const string Hostile = "</script><script>alert(1)</script><img src=x onerror=alert(2)> & \"quoted\"?";
        var questions = _factory.GetService<QuestionService>();
        var asked = await AskAsync(questions, Hostile, "<b>Mallory</b>");
        await questions.ModerateAsync(Code, asked.Id, QuestionModeration.MarkAnswered, CancellationToken.None);
        await ShowAsync((0, 0));
        await EndAsync();

        foreach (var html in new[] { await PublicAsync(), await StaffAsync(await _factory.SignInAsync(), notes: false) })
        {
            Assert.DoesNotContain("<script>alert", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<img src=x", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<b>Mallory", html, StringComparison.Ordinal);
            Assert.Contains("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt; &amp; &quot;quoted&quot;?", html, StringComparison.Ordinal);
            // Only the two data blocks close a script element; the text survives the round trip through the JSON.
            Assert.Equal(2, Regex.Count(html, "</script", RegexOptions.IgnoreCase));
            Assert.Equal(Hostile, EmbeddedJson(html, "questions").GetProperty("questions")[0].GetProperty("text").GetString());
        }
    }

    [Fact]
    public async Task The_rooms_copy_has_only_results_shown_on_screen_and_the_staff_copy_every_poll_that_was_run()
    {
        await ShowAsync((0, 0), (3, 0), (4, 0));
        var polls = _factory.GetService<PollService>();
        await polls.OpenAsync(Code, "colour", CancellationToken.None);
        await polls.VoteAsync(Code, "device-a", "colour", "v1", new PollAnswer(Option: 0), CancellationToken.None);
        await polls.VoteAsync(Code, "device-b", "colour", "v2", new PollAnswer(Option: 0), CancellationToken.None);
        await polls.VoteAsync(Code, "device-c", "colour", "v3", new PollAnswer(Option: 1), CancellationToken.None);
        await polls.SetResultsVisibleAsync(Code, "colour", true, CancellationToken.None);
        await polls.OpenAsync(Code, "ranked", CancellationToken.None);
        await polls.VoteAsync(Code, "device-a", "ranked", "r1", new PollAnswer(Ranking: [1, 0]), CancellationToken.None);
        await EndAsync();

        var room = await PublicAsync();
        var staff = await StaffAsync(await _factory.SignInAsync(), notes: false);

        Assert.Matches(ChartRow("Teal", "2 · 67%"), room);
        Assert.Matches(ChartRow("Crimson", "1 · 33%"), room);
        Assert.DoesNotContain("id=\"results-ranked\"", room, StringComparison.Ordinal);
        Assert.Equal(["colour"], EmbeddedJson(room, "poll-results").GetProperty("polls").EnumerateArray().Select(p => p.GetProperty("id").GetString()));

        Assert.Matches(ChartRow("Teal", "2 · 67%"), staff);
        Assert.Contains("id=\"results-ranked\"", staff, StringComparison.Ordinal);
        Assert.Matches(ChartRow("Second", "1 pts · avg rank 1.0"), staff);
        Assert.Contains("results not shown to the room", staff, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Captions_are_in_the_archive_only_when_the_session_keeps_them()
    {
        var captions = _factory.GetService<CaptionService>();
        await ShowAsync((0, 0));
        await captions.CommitAsync(Code, "CAPTION-LINE said on the first slide", 0, CancellationToken.None);
        var signedIn = await _factory.SignInAsync();

        Assert.DoesNotContain("CAPTION-LINE", await StaffAsync(signedIn, notes: false), StringComparison.Ordinal);

        await captions.SetKeptAsync(Code, true, CancellationToken.None);
        await EndAsync();
        Assert.Contains("CAPTION-LINE", await StaffAsync(signedIn, notes: false), StringComparison.Ordinal);
        Assert.Contains("CAPTION-LINE", await PublicAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_speakers_drawing_is_over_its_slide_in_both_copies()
    {
        var pen = _factory.GetService<StrokeService>();
        await ShowAsync((0, 0));
        // Across a tenth of the slide and down a fifth, to half way across and 45 % down: on the archive's
        // 1600 × 900 drawing, from (160, 180) to (800, 405).
        await pen.DrawAsync(Code, "stroke-1", 0, "pen", "#d62828", 5, 0, [1000, 2000, 5000, 4500], CancellationToken.None);
        await pen.FinishAsync(Code, "stroke-1", CancellationToken.None);
        await EndAsync();

        foreach (var archive in new[] { await StaffAsync(await _factory.SignInAsync(), notes: false), await PublicAsync() })
        {
            var slide = Regex.Match(archive, "<section class=\"archive-slide\" id=\"slide-1\".*?</section>", RegexOptions.Singleline).Value;
            Assert.Contains("<div class=\"archive-drawing\"><svg class=\"ink\"", slide, StringComparison.Ordinal);
            Assert.Contains("<path d=\"M160 180L800 405\" fill=\"none\" stroke=\"#d62828\"", slide, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_archive_asks_the_network_for_nothing()
    {
        await ShowAsync((0, 0), (1, 3), (3, 0));
        await EndAsync();

        foreach (var html in new[] { await PublicAsync(), await StaffAsync(await _factory.SignInAsync(), notes: true) })
        {
            Assert.Contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:;", html, StringComparison.Ordinal);
            Assert.DoesNotMatch(new Regex("<(link|iframe|object|embed|frame|base|audio|video|source|track|form)\\b", RegexOptions.IgnoreCase), html);
            Assert.DoesNotMatch(new Regex("<script(?![^>]*type=\"application/json\")[^>]*>", RegexOptions.IgnoreCase), html);
            foreach (Match attribute in FetchingAttribute().Matches(html))
            {
                Assert.True(attribute.Groups["value"].Value.StartsWith("data:", StringComparison.Ordinal), $"the archive fetches {attribute.Value[..Math.Min(120, attribute.Value.Length)]}");
            }

            foreach (Match url in CssUrl().Matches(html))
            {
                Assert.True(url.Groups["value"].Value.StartsWith("data:", StringComparison.Ordinal), $"the style fetches {url.Value[..Math.Min(120, url.Value.Length)]}");
            }

            Assert.DoesNotContain("@import", html, StringComparison.Ordinal);
            // The slides' styles are the site's own (Assets/css/slides.css), inlined with the archive's.
            Assert.Contains(".slide h1 { font-size: 2.1em; }", html, StringComparison.Ordinal);
            Assert.Contains(".archive-head {", html, StringComparison.Ordinal);
            Assert.Contains("src=\"" + DataUri(ShownPicture) + "\"", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task One_address_downloading_the_rooms_copy_over_and_over_is_told_to_wait()
    {
        _factory.Settings["Archive:PublicDownloadsPerMinute"] = "2";
        await ShowAsync((0, 0));
        await EndAsync();
        using var client = _factory.CreatePlainClient();

        for (var i = 0; i < 2; i++)
        {
            using var allowed = await client.GetAsync($"/j/{Code}/archive");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await client.GetAsync($"/j/{Code}/archive");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Contains("Wait", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _factory.Dispose();
        Directory.Delete(_content, recursive: true);
    }

    private async Task ShowAsync(params (int Slide, int Fragment)[] steps)
    {
        var sessions = _factory.GetService<LiveSessionService>();
        foreach (var (slide, fragment) in steps)
        {
            await sessions.NavigateAsync(Code, Navigation.GoTo(slide, fragment), CancellationToken.None);
        }
    }

    private Task<LiveSessionState> EndAsync() => _factory.GetService<LiveSessionService>().SetEndedAsync(Code, true, CancellationToken.None);

    private static async Task<QuestionView> AskAsync(QuestionService questions, string text, string? author) =>
        (await questions.AskAsync(Code, "device-" + Guid.NewGuid().ToString("N"), Guid.NewGuid().ToString("N"), text, author, CancellationToken.None)).Question;

    private async Task<string> LinkAsync(StaffRole role) =>
        (await _factory.SignInWithLinkAsync((await _factory.GetService<SessionGrants>().IssueAsync(Code, role, CancellationToken.None)).Secret)).Cookie;

    private async Task<HttpResponseMessage> GetAsync(string path, string? cookie)
    {
        using var client = _factory.CreatePlainClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        return await client.SendAsync(request);
    }

    private async Task<string> StaffAsync(string cookie, bool notes)
    {
        using var response = await GetAsync($"/presenter/{Code}/archive?notes={(notes ? "true" : "false")}", cookie);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"the staff archive answered {(int)response.StatusCode}: {body}");
        return body;
    }

    private async Task<string> PublicAsync(string query = "")
    {
        using var response = await GetAsync($"/j/{Code}/archive{query}", cookie: null);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"the room's archive answered {(int)response.StatusCode}: {body}");
        return body;
    }

    private static string DataUri(string svg) => "data:image/svg+xml;base64," + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(svg));

    private static JsonElement EmbeddedJson(string html, string id)
    {
        var match = Regex.Match(html, $"<script type=\"application/json\" id=\"{id}\">(?<json>.*?)</script>", RegexOptions.Singleline);
        Assert.True(match.Success, $"no embedded '{id}' data");
        using var document = JsonDocument.Parse(match.Groups["json"].Value);
        return document.RootElement.Clone();
    }

    private static Regex ChartRow(string label, string value) =>
        new($"<span class=\"chart-label\">{Regex.Escape(label)}</span><span class=\"chart-track\"[^>]*><span class=\"chart-fill\" style=\"width:[0-9.]+%\"></span></span><span class=\"chart-value\">{Regex.Escape(value)}</span>");

    /// <summary>Attributes that make a browser fetch: a picture, a frame, a style sheet, a poster, a background.</summary>
    [GeneratedRegex("\\s(?:src|srcset|poster|data|background|xlink:href|action|formaction|ping|longdesc|manifest|(?<=<(?:link|image|use|script)\\b[^>]*)href)=\"(?<value>[^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex FetchingAttribute();

    [GeneratedRegex("url\\(\\s*(?:&quot;|[\"'])?(?<value>[^)\"'&]*)", RegexOptions.IgnoreCase)]
    private static partial Regex CssUrl();
}
