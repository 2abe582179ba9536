using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using OpenHealthLive.Core.Audience;
using OpenHealthLive.Core.Captions;
using OpenHealthLive.Core.Polls;
using OpenHealthLive.Core.Questions;
using OpenHealthLive.Core.Sessions;
using OpenHealthLive.Core.Slides;
using OpenHealthLive.Web.Polls;
using OpenHealthLive.Web.Questions;

namespace OpenHealthLive.Web.Archive;

/// <summary>
/// The whole talk in one HTML file that opens offline: the slides as far as the room was shown them
/// (<see cref="AudienceView"/>, the one rule of what it saw), their drawings (<see cref="ISlideOverlay"/>), the notes when
/// asked for, each poll with its final chart, the answered questions, the captions when the session keeps them, and the
/// open data (the poll-results and questions exports' JSON) embedded, not linked. Pictures are <c>data:</c> addresses and
/// the style is inline; the document has no script, and its own Content-Security-Policy forbids every fetch.
/// </summary>
internal sealed partial class TalkArchiveBuilder(
    PollService polls,
    QuestionService questions,
    CaptionService captions,
    ISlideOverlay overlay,
    ArchiveMedia media,
    IOptions<PollsOptions> pollOptions,
    TimeProvider time,
    ILogger<TalkArchiveBuilder> logger)
{
    /// <summary>Forbids every fetch the document could make (pictures are inline); links still open when clicked.</summary>
    public const string ContentSecurityPolicy = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        // The default encoder writes '<', '>' and '&' as \u escapes: no text can close the <script> element it sits in.
        Encoder = JavaScriptEncoder.Default,
        WriteIndented = true,
    };

    private static readonly string Style = ReadStyle();

    public async Task<TalkArchive> BuildAsync(LiveSessionState session, Deck deck, ArchiveScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(deck);
        ArgumentNullException.ThrowIfNull(scope);
        var language = deck.FindLanguage(scope.Language);
        var words = deck.In(language);
        var view = AudienceView.Of(session, deck, language);
        var now = time.GetUtcNow();
        var date = (session.Plan.StartsAt ?? session.CreatedAt).UtcDateTime;
        var title = session.Plan.Title ?? words.Metadata.Title;
        var say = ArchiveWords.For(words.Language);

        var pollViews = (await polls.ListAsync(session.Code, cancellationToken))
            .Where(p => scope.Public ? AudienceView.CanSeeResults(p) : p.OpenedAt is not null || p.ResultsVisible || p.Voters > 0)
            .ToList();
        var pollResults = new Dictionary<string, PollResults>(StringComparer.Ordinal);
        foreach (var poll in pollViews)
        {
            pollResults[poll.Definition.Id] = await polls.ResultsAsync(session.Code, poll.Definition.Id, cancellationToken);
        }

        var answered = (await questions.ListAsync(session.Code, includeModerated: false, cancellationToken))
            .Where(q => q.Status == QuestionStatus.Visible && q.Answered)
            .OrderBy(q => q.AnsweredAt)
            .ToList();
        var keptCaptions = (await captions.SettingsAsync(session.Code, cancellationToken)).Kept;
        var drawings = await overlay.SvgBySlideAsync(session, cancellationToken);

        var html = new StringBuilder(64 * 1024);
        html.Append("<!doctype html>\n<html lang=\"").Append(Attr(words.Language)).Append("\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"").Append(ContentSecurityPolicy).Append("\">\n")
            .Append("<meta name=\"generator\" content=\"OpenHealthLive ").Append(Attr(AppVersion)).Append("\">\n")
            .Append("<title>").Append(Text(title)).Append(" · ").Append(Text(say.Date(date))).Append("</title>\n")
            .Append("<style>\n").Append(Style).Append("</style>\n</head>\n<body class=\"archive\">\n");

        WriteHeader(html, session, words, say, title, date, scope, view.Slides.Count);
        html.Append("<main id=\"main\">\n<section class=\"archive-section\" id=\"slides\" aria-labelledby=\"slides-title\">\n<h2 id=\"slides-title\">").Append(say["Slides"]).Append("</h2>\n");
        if (view.Slides.Count == 0)
        {
            html.Append("<p class=\"muted\">").Append(say["NoSlide"]).Append("</p>\n");
        }

        var placedPolls = new HashSet<string>(StringComparer.Ordinal);
        foreach (var index in view.Slides)
        {
            var slidePolls = pollViews.Where(p => p.Definition.SlideIndex == index).ToList();
            placedPolls.UnionWith(slidePolls.Select(p => p.Definition.Id));
            var lines = keptCaptions ? await captions.ForSlideAsync(session.Code, index, cancellationToken) : [];
            WriteSlide(html, session, deck, words, say, view, index, drawings.GetValueOrDefault(index), scope.Notes && !scope.Public);
            foreach (var poll in slidePolls)
            {
                WritePoll(html, poll, words, say, pollResults[poll.Definition.Id], scope);
            }

            WriteCaptions(html, say, lines);
            html.Append("</section>\n");
        }

        html.Append("</section>\n");
        var otherPolls = pollViews.Where(p => !placedPolls.Contains(p.Definition.Id)).ToList();
        if (otherPolls.Count > 0)
        {
            html.Append("<section class=\"archive-section\" id=\"polls\" aria-labelledby=\"polls-title\">\n<h2 id=\"polls-title\">").Append(say["OtherPolls"]).Append("</h2>\n");
            foreach (var poll in otherPolls)
            {
                WritePoll(html, poll, words, say, pollResults[poll.Definition.Id], scope);
            }

            html.Append("</section>\n");
        }

        WriteQuestions(html, say, answered, scope);
        html.Append("<section class=\"archive-section\" id=\"open-data\" aria-labelledby=\"open-data-title\">\n<h2 id=\"open-data-title\">").Append(say["OpenData"]).Append("</h2>\n")
            .Append("<p>").Append(say.Format("OpenDataText", "<code>poll-results</code>", "<code>questions</code>")).Append(' ')
            .Append(say.Format("PollLicence", Text(pollOptions.Value.DataLicence))).Append("</p>\n</section>\n</main>\n")
            .Append("<footer class=\"archive-foot\"><p>")
            .Append(say.Format(session.Ended ? "MadeAfter" : "MadeDuring", Text(AppVersion), Text(now.UtcDateTime.ToString(say["MadeAtFormat"], say.Culture)), "<code>" + Text(session.Code) + "</code>"))
            .Append("</p></footer>\n");

        var exportedPolls = new PollResultsExport(PollResultsEndpoints.SchemaId, pollOptions.Value.DataLicence, "OpenHealthLive", AppVersion, now,
            session.Code, session.DeckSlug, deck.Metadata.Title, pollViews.Select(p => ExportedPoll.From(p, pollResults[p.Definition.Id])).ToList());
        var exportedQuestions = new QuestionsExport(QuestionExportEndpoints.SchemaId, session.Code, session.DeckSlug, deck.Metadata.Title, now, AppVersion,
            answered.Select(q => new ExportedQuestion(q.Id, q.Text, scope.Public ? null : q.Author, q.Votes, PresenterQuestion.StatusName(q.Status), null,
                q.Pinned, false, q.Answered, q.CreatedAt, q.AnsweredAt)).ToList());
        html.Append("<script type=\"application/json\" id=\"poll-results\">\n").Append(JsonSerializer.Serialize(exportedPolls, Json)).Append("\n</script>\n")
            .Append("<script type=\"application/json\" id=\"questions\">\n").Append(JsonSerializer.Serialize(exportedQuestions, Json)).Append("\n</script>\n")
            .Append("</body>\n</html>\n");

        var fileName = $"{session.DeckSlug}-{date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}{(scope.Public ? string.Empty : scope.Notes ? "-with-notes" : "-staff")}.html";
        var archive = new TalkArchive(fileName, html.ToString());
        LogBuilt(logger, session.Code, scope.Public ? "public" : "staff", scope.Notes && !scope.Public, archive.Html.Length);
        return archive;
    }

    private static void WriteHeader(StringBuilder html, LiveSessionState session, Deck words, ArchiveWords say, string title, DateTime date, ArchiveScope scope, int shown)
    {
        var meta = words.Metadata;
        html.Append("<header class=\"archive-head\">\n<h1>").Append(Text(title)).Append("</h1>\n");
        if (meta.Subtitle is { Length: > 0 } subtitle)
        {
            html.Append("<p class=\"archive-subtitle\">").Append(Text(subtitle)).Append("</p>\n");
        }

        var facts = new[] { meta.Speaker, meta.Affiliation, meta.Event, session.Plan.Room, say.Date(date) }
            .Where(f => !string.IsNullOrWhiteSpace(f)).Select(f => Text(f!));
        html.Append("<p class=\"archive-facts\">").AppendJoin(" · ", facts).Append("</p>\n<p class=\"archive-kind\">")
            .Append(say[scope.Public ? "KindPublic" : scope.Notes ? "KindNotes" : "KindStaff"])
            .Append(' ').Append(say.Format("SlidesShown", shown, words.Slides.Count))
            .Append(meta.Licence is { Length: > 0 } licence ? " " + say.Format("SlidesLicence", Text(licence)) : string.Empty)
            .Append("</p>\n<nav aria-label=\"").Append(say["Contents"]).Append("\"><ul class=\"archive-nav\"><li><a href=\"#slides\">").Append(say["Slides"]).Append("</a></li>")
            .Append("<li><a href=\"#questions\">").Append(say["AnsweredQuestions"]).Append("</a></li><li><a href=\"#open-data\">").Append(say["OpenData"]).Append("</a></li></ul></nav>\n</header>\n");
    }

    private void WriteSlide(StringBuilder html, LiveSessionState session, Deck deck, Deck words, ArchiveWords say, AudienceView view, int index, string? drawing, bool notes)
    {
        var slide = words.Slides[index];
        var markup = Inline(view.LookBack(index) ?? string.Empty, AudienceView.MediaPrefix(session.Code), deck, key => view.CanSeeMedia(key));
        var style = new StringBuilder();
        if (SlideBodyData().Match(markup) is { Success: true } body)
        {
            if (BackgroundImage().Match(body.Value) is { Success: true } image && image.Groups["url"].Value.StartsWith("data:", StringComparison.Ordinal))
            {
                style.Append("background-image:url(&quot;").Append(image.Groups["url"].Value).Append("&quot;);");
            }

            if (BackgroundColor().Match(body.Value) is { Success: true } color)
            {
                style.Append("background-color:").Append(color.Groups["colour"].Value).Append(';');
            }
        }

        var number = index + 1;
        html.Append(CultureInfo.InvariantCulture, $"<section class=\"archive-slide\" id=\"slide-{number}\" aria-labelledby=\"slide-{number}-title\">\n")
            .Append(CultureInfo.InvariantCulture, $"<h3 class=\"archive-slide-title\" id=\"slide-{number}-title\"><span class=\"archive-slide-number\">{number}</span> ")
            .Append(Text(slide.Title)).Append("</h3>\n<div class=\"stage\"><article class=\"slide slide--stage")
            .Append(style.Length > 0 ? " has-background\" style=\"" + style : string.Empty).Append("\">").Append(markup).Append("</article>");
        if (!string.IsNullOrEmpty(drawing))
        {
            html.Append("<div class=\"archive-drawing\">").Append(drawing).Append("</div>");
        }

        html.Append("</div>\n");
        if (notes)
        {
            html.Append("<div class=\"archive-notes\"><h4>").Append(say["Notes"]).Append("</h4>")
                .Append(slide.NotesHtml.Length > 0 ? Inline(slide.NotesHtml, deck.MediaUrlPrefix, deck, key => deck.NotesMedia.ContainsKey(key) || deck.Media.ContainsKey(key)) : "<p class=\"muted\">" + say["NoNotes"] + "</p>")
                .Append("</div>\n");
        }
    }

    private static void WritePoll(StringBuilder html, PollView view, Deck words, ArchiveWords say, PollResults results, ArchiveScope scope)
    {
        var state = view.Definition;
        var poll = words.Polls.FirstOrDefault(p => p.Id == state.Id) ?? state;
        if (!ReferenceEquals(poll, state))
        {
            results = results.LabelledAs(poll);
        }

        html.Append("<figure class=\"archive-poll\" id=\"results-").Append(Attr(state.Id)).Append("\">\n<figcaption><h4>").Append(Text(poll.Question)).Append("</h4>")
            .Append("<p class=\"muted\">").Append(say[TypeKey(state.Type)]).Append(" · ").Append(say.Count("Answer", results.Voters))
            .Append(view.Round > 1 ? " · " + say.Format("Round", view.Round) : string.Empty)
            .Append(view.ResultsVisible ? string.Empty : " · <strong>" + say["NotShownToRoom"] + "</strong>").Append("</p></figcaption>\n");
        ArchiveCharts.Write(html, poll with { Type = state.Type }, results, say, showAnswer: view.ResultsVisible || !scope.Public);
        html.Append("\n</figure>\n");
    }

    private static void WriteCaptions(StringBuilder html, ArchiveWords say, IReadOnlyList<CaptionLine> lines)
    {
        if (lines.Count == 0)
        {
            return;
        }

        html.Append("<details class=\"archive-captions\"><summary>").Append(say.Count("Captions", lines.Count)).Append("</summary><ol>");
        foreach (var line in lines)
        {
            html.Append("<li><time datetime=\"").Append(line.At.ToString("O", CultureInfo.InvariantCulture)).Append("\">")
                .Append(line.At.UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture)).Append("</time> ").Append(Text(line.Text)).Append("</li>");
        }

        html.Append("</ol></details>\n");
    }

    private static void WriteQuestions(StringBuilder html, ArchiveWords say, List<QuestionView> answered, ArchiveScope scope)
    {
        html.Append("<section class=\"archive-section\" id=\"questions\" aria-labelledby=\"questions-title\">\n<h2 id=\"questions-title\">").Append(say["AnsweredQuestions"]).Append("</h2>\n");
        if (answered.Count == 0)
        {
            html.Append("<p class=\"muted\">").Append(say["NoAnswered"]).Append("</p>\n</section>\n");
            return;
        }

        html.Append("<ol class=\"archive-questions\">\n");
        foreach (var question in answered)
        {
            html.Append("<li><p class=\"archive-question\">").Append(Text(question.Text)).Append("</p><p class=\"muted\">");
            if (!scope.Public && question.Author is { Length: > 0 } author)
            {
                html.Append(Text(author)).Append(" · ");
            }

            html.Append(say.Count("Vote", question.Votes)).Append("</p></li>\n");
        }

        html.Append("</ol>\n</section>\n");
    }

    /// <summary>
    /// Replaces each deck-file address under <paramref name="prefix"/> in <paramref name="markup"/> by the file itself
    /// when <paramref name="allowed"/> says it may be in this copy, else by nothing: the file asks the network for nothing.
    /// </summary>
    private string Inline(string markup, string prefix, Deck deck, Func<string, bool> allowed) =>
        MediaAddress().Replace(markup, match =>
        {
            var url = System.Net.WebUtility.HtmlDecode(match.Groups["url"].Value);
            if (!url.StartsWith(prefix, StringComparison.Ordinal))
            {
                return match.Value;
            }

            var key = string.Join('/', url[prefix.Length..].Split('/').Select(Uri.UnescapeDataString));
            var inline = allowed(key) ? media.DataUri(deck, key) : null;
            return $"{match.Groups["attr"].Value}=\"{inline ?? string.Empty}\"";
        });

    private static string TypeKey(PollType type) => type switch
    {
        PollType.SingleChoice or PollType.MultipleChoice or PollType.Rating or PollType.Ranking or PollType.WordCloud or PollType.Quiz => "Type." + type,
        _ => "Type.Poll",
    };

    private static string Text(string text) => System.Net.WebUtility.HtmlEncode(text);

    private static string Attr(string text) => System.Net.WebUtility.HtmlEncode(text);

    /// <summary>The slides' rules the site uses too (Assets/css/slides.css), then the archive's own.</summary>
    private static string ReadStyle() =>
        ReadEmbedded("OpenHealthLive.Web.Assets.css.slides.css") + "\n" + ReadEmbedded("OpenHealthLive.Web.Archive.archive.css");

    private static string ReadEmbedded(string name)
    {
        using var stream = typeof(TalkArchiveBuilder).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The archive's style sheet {name} is not embedded in the web assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static string AppVersion { get; } =
        typeof(TalkArchiveBuilder).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    [LoggerMessage(Level = LogLevel.Information, Message = "Built the {Kind} archive of session {Code} (notes: {Notes}, {Characters} characters)")]
    private static partial void LogBuilt(ILogger logger, string code, string kind, bool notes, int characters);

    [GeneratedRegex("(?<attr>[a-z-]+)=\"(?<url>/[^\"]*)\"", RegexOptions.CultureInvariant)]
    private static partial Regex MediaAddress();

    [GeneratedRegex("^<div class=\"slide-body[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex SlideBodyData();

    [GeneratedRegex("data-background-image=\"(?<url>[^\"]*)\"", RegexOptions.CultureInvariant)]
    private static partial Regex BackgroundImage();

    [GeneratedRegex("data-background-color=\"(?<colour>#?[A-Za-z0-9]+)\"", RegexOptions.CultureInvariant)]
    private static partial Regex BackgroundColor();
}
