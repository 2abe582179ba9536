using System.Text;
using OpenHealthLive.Core.Sessions;
using OpenHealthLive.Core.Slides;
using OpenHealthLive.Web.Infrastructure;
using OpenHealthLive.Web.Presenter;

namespace OpenHealthLive.Web.Archive;

/// <summary>
/// The whole talk in one file (<see cref="TalkArchiveBuilder"/>): the staff's copy at any time, with the notes for those
/// who drive the talk; the room's copy from the phone page once the talk has ended. Both are built at each download, so
/// a question hidden or erased a moment ago is in neither.
/// </summary>
internal static class ArchiveEndpoints
{
    public static WebApplication MapArchive(this WebApplication app)
    {
        app.MapGet("/presenter/{code}/archive", StaffArchiveAsync).RequireAuthorization(PresenterAuthentication.Policy)
            .AddEndpointFilter((context, next) => StaffMember.Can(context.HttpContext.User, StaffRight.See, context.HttpContext.GetRouteValue("code") as string)
                ? next(context)
                : ValueTask.FromResult<object?>(Results.StatusCode(StatusCodes.Status403Forbidden)));
        app.MapGet("/j/{code}/archive", PublicArchiveAsync);
        return app;
    }

    private static async Task<IResult> StaffArchiveAsync(string code, bool? notes, string? lang, HttpContext http, LiveSessionService sessions, DeckCatalog decks,
        TalkArchiveBuilder builder)
    {
        if (await sessions.FindAsync(code, http.RequestAborted) is not { } session)
        {
            return UnknownSession(code);
        }

        // The notes are the speaker's: a moderator sees them on no page of theirs, and takes none home.
        if (notes == true && !StaffMember.Can(http.User, StaffRight.Drive, session.Code))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "No notes for this role",
                detail: "The speaker notes are for the speaker and the organiser; download the archive without them.");
        }

        if (decks.Get(session.DeckSlug).Deck is not { } deck)
        {
            return NoDeck(session);
        }

        var archive = await builder.BuildAsync(session, deck, new ArchiveScope(Public: false, Notes: notes == true, Language(lang)), http.RequestAborted);
        return Download(http, archive);
    }

    private static async Task<IResult> PublicArchiveAsync(string code, string? lang, HttpContext http, LiveSessionService sessions, DeckCatalog decks,
        TalkArchiveBuilder builder, ArchiveLimits limits)
    {
        if (!limits.TryTake(ClientAddress.Key(http.Connection.RemoteIpAddress), out var retryAfter))
        {
            http.Response.Headers.RetryAfter = RetryAfter.Header(retryAfter);
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many downloads",
                detail: $"This network has downloaded the talk many times in the last minute. Wait {RetryAfter.Phrase(retryAfter)} and try again.");
        }

        if (await sessions.FindAsync(code, http.RequestAborted) is not { } session)
        {
            return UnknownSession(code);
        }

        if (!session.Ended)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The talk has not ended",
                detail: "The talk can be taken home in one file once the presenter ends it: the link appears on this page then.");
        }

        if (decks.Get(session.DeckSlug).Deck is not { } deck)
        {
            return NoDeck(session);
        }

        var archive = await builder.BuildAsync(session, deck, new ArchiveScope(Public: true, Notes: false, Language(lang)), http.RequestAborted);
        return Download(http, archive);
    }

    private static IResult Download(HttpContext http, TalkArchive archive)
    {
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{archive.FileName}\"";
        http.Response.Headers.CacheControl = "no-store";
        return Results.Text(archive.Html, "text/html; charset=utf-8", Encoding.UTF8);
    }

    /// <summary>A tag longer than any language's is nobody's: the deck's own language, as for one the deck lacks.</summary>
    private static string? Language(string? lang) => lang is { Length: <= 35 } ? lang : null;

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult UnknownSession(string code) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown session",
            detail: $"There is no session with code '{(code.Length > 16 ? code[..16] : code)}'.");

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult NoDeck(LiveSessionState session) =>
        TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The deck does not load",
            detail: $"The deck of session {session.Code} does not load just now, so its archive cannot be made; fix the deck and try again.");

}
