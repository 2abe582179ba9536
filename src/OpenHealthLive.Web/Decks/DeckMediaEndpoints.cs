using Microsoft.AspNetCore.StaticFiles;
using OpenHealthLive.Core.Sessions;
using OpenHealthLive.Core.Slides;
using OpenHealthLive.Web.Presenter;

namespace OpenHealthLive.Web.Decks;

/// <summary>
/// Serves the images a deck's slides reference, and nothing else from <c>content/</c>. An image is served to
/// the audience only once a session has reached the first slide that shows it.
/// </summary>
internal static class DeckMediaEndpoints
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public static WebApplication MapDeckMedia(this WebApplication app)
    {
        app.MapGet("/decks/{slug}/media/{**path}", ServeAsync);
        return app;
    }

    private static async Task<IResult> ServeAsync(string slug, string path, HttpContext http, DeckCatalog decks, LiveSessionService sessions)
    {
        if (!DeckCatalog.IsValidSlug(slug) || decks.Get(slug).Deck is not { } deck)
        {
            return Results.NotFound();
        }

        var presenter = PresenterAuthentication.IsPresenter(http.User);
        bool allowed;
        if (deck.Media.TryGetValue(path, out var firstSlide))
        {
            allowed = presenter || deck.Metadata.AudienceCanBrowseAhead || await sessions.FurthestRevealedSlideAsync(slug, http.RequestAborted) >= firstSlide;
        }
        else
        {
            // Images in speaker notes are for the presenter only, whatever has been shown.
            allowed = presenter && deck.NotesMedia.ContainsKey(path);
        }

        if (!allowed)
        {
            return Results.NotFound();
        }

        var file = Path.Combine(Path.GetDirectoryName(deck.SourcePath)!, path);
        if (!ContentTypes.TryGetContentType(file, out var contentType))
        {
            contentType = "application/octet-stream";
        }

        // An SVG opened on its own is a document; keep it from running anything.
        http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox";
        http.Response.Headers.CacheControl = "private, max-age=3600";
        return Results.File(file, contentType, enableRangeProcessing: false, lastModified: File.GetLastWriteTimeUtc(file));
    }
}
