using Microsoft.AspNetCore.StaticFiles;
using OpenHealthLive.Core.Audience;
using OpenHealthLive.Core.Sessions;
using OpenHealthLive.Core.Slides;
using OpenHealthLive.Web.Presenter;

namespace OpenHealthLive.Web.Decks;

/// <summary>
/// Serves the images a deck's slides reference, and nothing else from <c>content/</c>. The presenter's views
/// fetch them by deck; phones fetch them by session, and get one only once that session has shown a step with
/// it (<see cref="AudienceView.CanSeeMedia"/>): a rehearsal of the same deck unlocks nothing for the talk.
/// </summary>
internal static class DeckMediaEndpoints
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public static WebApplication MapDeckMedia(this WebApplication app)
    {
        app.MapGet("/decks/{slug}/media/{**path}", ServeToPresenterAsync);
        app.MapGet("/j/{code}/media/{**path}", ServeToAudienceAsync);
        return app;
    }

    private static async Task<IResult> ServeToPresenterAsync(string slug, string path, HttpContext http, DeckCatalog decks, LiveSessionService sessions)
    {
        // Images in speaker notes are staff's too; nothing here is for anyone else. A speaker or moderator sees the
        // deck of their own session only.
        var member = StaffMember.Of(http.User);
        var allowed = member?.Role == StaffRole.Organiser
            || (member?.SessionCode is { } code && (await sessions.FindAsync(code, http.RequestAborted))?.DeckSlug == slug);
        if (!allowed || !DeckCatalog.IsValidSlug(slug) || decks.Get(slug).Deck is not { } deck
            || !deck.Translations.Values.Prepend(deck).Any(words => words.Media.ContainsKey(path) || words.NotesMedia.ContainsKey(path)))
        {
            return Results.NotFound();
        }

        return File(http, deck, path);
    }

    private static async Task<IResult> ServeToAudienceAsync(string code, string path, HttpContext http, LiveSessionService sessions, DeckCatalog decks)
    {
        if (await sessions.FindAsync(code, http.RequestAborted) is not { } session || decks.Get(session.DeckSlug).Deck is not { } deck
            || !AudienceView.Of(session, deck).CanSeeMedia(path))
        {
            return Results.NotFound();
        }

        return File(http, deck, path);
    }

    private static IResult File(HttpContext http, Deck deck, string path)
    {
        var file = Path.Combine(Path.GetDirectoryName(deck.SourcePath)!, path);
        if (!ContentTypes.TryGetContentType(file, out var contentType))
        {
            contentType = "application/octet-stream";
        }

        // An SVG opened on its own is a document; keep it from running anything.
        http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox";
        http.Response.Headers.CacheControl = "private, max-age=3600";
        return Results.File(file, contentType, enableRangeProcessing: false, lastModified: System.IO.File.GetLastWriteTimeUtc(file));
    }
}
