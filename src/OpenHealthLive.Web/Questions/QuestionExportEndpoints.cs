using System.Globalization;
using System.Reflection;
using System.Text;
using OpenHealthLive.Core.Questions;
using OpenHealthLive.Core.Sessions;
using OpenHealthLive.Core.Slides;
using OpenHealthLive.Web.Presenter;

namespace OpenHealthLive.Web.Questions;

/// <summary>
/// Presenter-only exports of a session's questions (all of them, held and hidden included), as CSV and as
/// JSON; the JSON schema is in docs/questions-export.md. No device token, hash or IP address is in either.
/// </summary>
internal static class QuestionExportEndpoints
{
    public const string SchemaId = "openhealthlive/questions-export/v1";

    public static WebApplication MapQuestionExports(this WebApplication app)
    {
        var exports = app.MapGroup("/presenter/{code}").RequireAuthorization(PresenterAuthentication.Policy)
            .AddEndpointFilter((context, next) => StaffMember.Can(context.HttpContext.User, StaffRight.Moderate, context.HttpContext.GetRouteValue("code") as string)
                ? next(context)
                : ValueTask.FromResult<object?>(Results.StatusCode(StatusCodes.Status403Forbidden)));
        exports.MapGet("/questions.json", ExportJsonAsync);
        exports.MapGet("/questions.csv", ExportCsvAsync);
        return app;
    }

    private static async Task<IResult> ExportJsonAsync(string code, HttpContext http, LiveSessionService sessions, QuestionService questions, DeckCatalog decks, TimeProvider time)
    {
        if (await sessions.FindAsync(code, http.RequestAborted) is not { } session)
        {
            return Results.NotFound();
        }

        var all = await questions.ListAsync(session.Code, includeModerated: true, http.RequestAborted);
        var export = new QuestionsExport(
            SchemaId,
            session.Code,
            session.DeckSlug,
            decks.Get(session.DeckSlug).Deck?.Metadata.Title,
            time.GetUtcNow(),
            AppVersion,
            all.Select(q => new ExportedQuestion(q.Id, q.Text, q.Author, q.Votes, PresenterQuestion.StatusName(q.Status), q.HeldReason, q.Pinned, q.AnsweringNow, q.Answered, q.CreatedAt, q.AnsweredAt)).ToList());
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"questions-{session.Code}.json\"";
        return Results.Json(export);
    }

    private static async Task<IResult> ExportCsvAsync(string code, HttpContext http, LiveSessionService sessions, QuestionService questions)
    {
        if (await sessions.FindAsync(code, http.RequestAborted) is not { } session)
        {
            return Results.NotFound();
        }

        var all = await questions.ListAsync(session.Code, includeModerated: true, http.RequestAborted);
        var csv = new StringBuilder("id,text,author,votes,status,held_reason,pinned,answering_now,answered,created_at,answered_at\r\n");
        foreach (var q in all)
        {
            csv.AppendJoin(',',
                q.Id.ToString(CultureInfo.InvariantCulture),
                Cell(q.Text),
                Cell(q.Author),
                q.Votes.ToString(CultureInfo.InvariantCulture),
                PresenterQuestion.StatusName(q.Status),
                Cell(q.HeldReason),
                q.Pinned ? "true" : "false",
                q.AnsweringNow ? "true" : "false",
                q.Answered ? "true" : "false",
                q.CreatedAt.ToString("O", CultureInfo.InvariantCulture),
                q.AnsweredAt?.ToString("O", CultureInfo.InvariantCulture) ?? string.Empty).Append("\r\n");
        }

        http.Response.Headers.ContentDisposition = $"attachment; filename=\"questions-{session.Code}.csv\"";
        return Results.Text(csv.ToString(), "text/csv; charset=utf-8", Encoding.UTF8);
    }

    /// <summary>
    /// Quotes a CSV cell (RFC 4180), and defuses spreadsheet formulas: audience text starting with =, +, -, @
    /// (or a tab or carriage return) is prefixed with an apostrophe so a spreadsheet shows it instead of running it.
    /// </summary>
    internal static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    private static string AppVersion { get; } =
        typeof(QuestionExportEndpoints).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
}

/// <summary>The JSON export (docs/questions-export.md).</summary>
public sealed record QuestionsExport(string Schema, string Session, string Deck, string? DeckTitle, DateTimeOffset ExportedAt, string AppVersion, IReadOnlyList<ExportedQuestion> Questions);

/// <summary>One question in the export.</summary>
public sealed record ExportedQuestion(long Id, string Text, string? Author, int Votes, string Status, string? HeldReason, bool Pinned, bool AnsweringNow, bool Answered, DateTimeOffset CreatedAt, DateTimeOffset? AnsweredAt);
