using System.Globalization;
using System.Reflection;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using OpenHealthLive.Core.Audience;
using OpenHealthLive.Core.Polls;
using OpenHealthLive.Core.Refusals;
using OpenHealthLive.Core.Sessions;
using OpenHealthLive.Core.Slides;
using OpenHealthLive.Web.Presenter;
using OpenHealthLive.Web.Questions;

namespace OpenHealthLive.Web.Polls;

/// <summary>
/// Poll results as open data: JSON and CSV at any time, live included (docs/polls.md has the schema). A poll
/// whose results the presenter has not shown is presenter-only, so no export leaks a result early.
/// </summary>
internal static class PollResultsEndpoints
{
    public const string SchemaId = "openhealthlive/poll-results/v1";

    public static WebApplication MapPollResults(this WebApplication app)
    {
        app.MapGet("/p/{code}/polls.json", ExportAllAsync);
        app.MapGet("/p/{code}/{pollId}.json", ExportOneJsonAsync);
        app.MapGet("/p/{code}/{pollId}.csv", ExportOneCsvAsync);
        return app;
    }

    private static async Task<IResult> ExportAllAsync(string code, HttpContext http, LiveSessionService sessions, PollService polls, DeckCatalog decks, IOptions<PollsOptions> options, TimeProvider time)
    {
        if (await sessions.FindAsync(code, http.RequestAborted) is not { } session)
        {
            return NotFound(code);
        }

        var presenter = StaffMember.Can(http.User, StaffRight.See, session.Code);
        var exported = new List<ExportedPoll>();
        foreach (var poll in await polls.ListAsync(session.Code, http.RequestAborted))
        {
            if (presenter || AudienceView.CanSeeResults(poll))
            {
                exported.Add(ExportedPoll.From(poll, await polls.ResultsAsync(session.Code, poll.Definition.Id, http.RequestAborted)));
            }
        }

        return Json(http, session, decks, options, time, exported, $"polls-{session.Code}.json");
    }

    private static async Task<IResult> ExportOneJsonAsync(string code, string pollId, HttpContext http, LiveSessionService sessions, PollService polls, DeckCatalog decks, IOptions<PollsOptions> options, TimeProvider time)
    {
        var (session, poll, error) = await FindAsync(code, pollId, http, sessions, polls);
        if (error is not null)
        {
            return error;
        }

        var exported = ExportedPoll.From(poll!, await polls.ResultsAsync(session!.Code, pollId, http.RequestAborted));
        return Json(http, session, decks, options, time, [exported], $"poll-{session.Code}-{pollId}.json");
    }

    private static async Task<IResult> ExportOneCsvAsync(string code, string pollId, HttpContext http, LiveSessionService sessions, PollService polls)
    {
        var (session, poll, error) = await FindAsync(code, pollId, http, sessions, polls);
        if (error is not null)
        {
            return error;
        }

        var results = await polls.ResultsAsync(session!.Code, pollId, http.RequestAborted);
        var csv = new StringBuilder("poll_id,round,type,question,voters,row,label,count,percent,borda_score,average_rank,average,standard_deviation\r\n");
        var prefix = string.Join(',', pollId, poll!.Round.ToString(CultureInfo.InvariantCulture), PollDefinitionReader.NameOf(poll.Definition.Type),
            QuestionExportEndpoints.Cell(poll.Definition.Question), results.Voters.ToString(CultureInfo.InvariantCulture));
        static string N(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
        foreach (var o in results.Options)
        {
            csv.Append(prefix).Append(CultureInfo.InvariantCulture, $",option,{QuestionExportEndpoints.Cell(o.Label)},{o.Count},{N(o.Percent)},,,,\r\n");
        }

        foreach (var r in results.Ranking)
        {
            csv.Append(prefix).Append(CultureInfo.InvariantCulture, $",ranking,{QuestionExportEndpoints.Cell(r.Label)},,,{r.BordaScore},{N(r.AverageRank)},,\r\n");
        }

        foreach (var r in results.Ratings)
        {
            csv.Append(prefix).Append(CultureInfo.InvariantCulture, $",rating,{QuestionExportEndpoints.Cell(r.Item)},{r.Count},,,,{N(r.Average)},{N(r.StandardDeviation)}\r\n");
        }

        foreach (var w in results.Words)
        {
            csv.Append(prefix).Append(CultureInfo.InvariantCulture, $",word,{QuestionExportEndpoints.Cell(w.Word)},{w.Count},,,,,\r\n");
        }

        http.Response.Headers.ContentDisposition = $"attachment; filename=\"poll-{session.Code}-{pollId}.csv\"";
        http.Response.Headers.CacheControl = "no-store";
        return Results.Text(csv.ToString(), "text/csv; charset=utf-8", Encoding.UTF8);
    }

    private static async Task<(LiveSessionState? Session, PollView? Poll, IResult? Error)> FindAsync(string code, string pollId, HttpContext http, LiveSessionService sessions, PollService polls)
    {
        if (await sessions.FindAsync(code, http.RequestAborted) is not { } session)
        {
            return (null, null, NotFound(code));
        }

        PollView poll;
        try
        {
            poll = await polls.GetAsync(session.Code, pollId, http.RequestAborted);
        }
        catch (RequestRefusedException ex) when (ex.Code is RefusalCodes.UnknownPoll or RefusalCodes.UnknownSession or RefusalCodes.DeckErrors)
        {
            return (session, null, TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown poll", detail: ex.Message));
        }

        if (!AudienceView.CanSeeResults(poll) && !StaffMember.Can(http.User, StaffRight.See, session.Code))
        {
            return (session, poll, TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Results not shown yet",
                detail: "The presenter has not shown this poll's results yet; they can be downloaded once they are on the screen."));
        }

        return (session, poll, null);
    }

    private static IResult Json(HttpContext http, LiveSessionState session, DeckCatalog decks, IOptions<PollsOptions> options, TimeProvider time, IReadOnlyList<ExportedPoll> polls, string fileName)
    {
        http.Response.Headers.ContentDisposition = $"inline; filename=\"{fileName}\"";
        http.Response.Headers.CacheControl = "no-store";
        return Results.Json(new PollResultsExport(SchemaId, options.Value.DataLicence, "OpenHealthLive", AppVersion, time.GetUtcNow(),
            session.Code, session.DeckSlug, decks.Get(session.DeckSlug).Deck?.Metadata.Title, polls));
    }

    private static ProblemHttpResult NotFound(string code) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown session", detail: $"There is no session with code '{(code.Length > 16 ? code[..16] : code)}'.");

    private static string AppVersion { get; } =
        typeof(PollResultsEndpoints).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
}

/// <summary>The poll results export (docs/polls.md).</summary>
public sealed record PollResultsExport(string Schema, string Licence, string App, string AppVersion, DateTimeOffset ExportedAt, string Session, string Deck, string? DeckTitle, IReadOnlyList<ExportedPoll> Polls);

/// <summary>One poll in the export: its definition, state and anonymous results.</summary>
public sealed record ExportedPoll(
    string Id, string Type, string Question, IReadOnlyList<string> Options, IReadOnlyList<string> Items, int Scale, int MaxChoices,
    string Status, bool ResultsVisible, int Round, DateTimeOffset? OpenedAt, DateTimeOffset? ClosedAt, string? Answer, PollResults Results)
{
    public static ExportedPoll From(PollView view, PollResults results)
    {
        ArgumentNullException.ThrowIfNull(view);
        var poll = view.Definition;
        return new(poll.Id, PollDefinitionReader.NameOf(poll.Type), poll.Question, poll.Options, poll.Items, poll.Scale, poll.MaxChoices,
            view.IsOpen ? "open" : "closed", view.ResultsVisible, view.Round, view.OpenedAt, view.ClosedAt, poll.Answer, results);
    }
}
