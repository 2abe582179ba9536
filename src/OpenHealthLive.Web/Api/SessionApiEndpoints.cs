using Microsoft.AspNetCore.Http.HttpResults;
using OpenHealthLive.Core.Audience;
using OpenHealthLive.Core.Sessions;
using OpenHealthLive.Core.Slides;
using OpenHealthLive.Web.Join;
using OpenHealthLive.Web.Presenter;

namespace OpenHealthLive.Web.Api;

/// <summary>Read-only HTTP API for other clients (a clicker app, a stream overlay): see docs/live-protocol.md.</summary>
internal static class SessionApiEndpoints
{
    public static WebApplication MapSessionApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/sessions/{code}");
        api.MapGet("/", GetSessionAsync).WithName("GetSession");
        api.MapGet("/slides/{index:int}", GetSlideAsync).WithName("GetSlide");
        return app;
    }

    private static async Task<IResult> GetSessionAsync(string code, HttpContext http, LiveSessionService sessions, DeckCatalog decks, JoinLinks links)
    {
        var session = await sessions.FindAsync(code, http.RequestAborted);
        if (session is null)
        {
            return UnknownSession(code);
        }

        var deck = decks.Get(session.DeckSlug).Deck;
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new SessionInfo(
            session.Code,
            deck?.Metadata.Title,
            deck?.Slides.Count ?? 0,
            session.Position.Slide,
            session.Position.Fragment,
            session.Position.Version,
            links.JoinUrl(session.Code, http.Request)?.ToString(),
            deck?.Languages ?? []));
    }

    /// <summary>
    /// A slide the audience has been shown, as far as it was shown, for looking back, in <paramref name="lang"/> when the
    /// deck has it (else in its own language; <c>language</c> says which); the presenter may read any, whole.
    /// </summary>
    private static async Task<IResult> GetSlideAsync(string code, int index, string? lang, HttpContext http, LiveSessionService sessions, DeckCatalog decks)
    {
        var session = await sessions.FindAsync(code, http.RequestAborted);
        if (session is null)
        {
            return UnknownSession(code);
        }

        if (decks.Get(session.DeckSlug).Deck is not { } deck || index < 0 || index >= deck.Slides.Count)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such slide", detail: $"Session {session.Code} has no slide {index + 1}.");
        }

        // A tag longer than any language's is nobody's language: the deck's own, as for one the deck lacks.
        var language = lang is { Length: <= 35 } ? deck.FindLanguage(lang) : null;
        var words = deck.In(language);
        if (StaffMember.Can(http.User, StaffRight.See, session.Code))
        {
            http.Response.Headers.CacheControl = "private, no-cache";
            return TypedResults.Ok(new SlideContent(session.Code, index, words.Slides[index].FragmentCount, deck.Fingerprint, words.Slides[index].Html, words.Language));
        }

        var view = AudienceView.Of(session, deck, language);
        if (view.FragmentOf(index) is not { } fragment)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not shown yet",
                detail: $"Slide {index + 1} has not been shown in this session; it appears when the presenter shows it.");
        }

        http.Response.Headers.CacheControl = "private, no-cache";
        return TypedResults.Ok(new SlideContent(session.Code, index, fragment, deck.Fingerprint, view.LookBack(index)!, words.Language));
    }

    private static ProblemHttpResult UnknownSession(string code) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown session",
            detail: $"There is no session with code '{code[..Math.Min(code.Length, 16)]}'.");
}

/// <summary>Body of <c>GET /api/sessions/{code}</c>; <c>Languages</c> are those a phone may read the deck in, its own first.</summary>
public sealed record SessionInfo(string Code, string? DeckTitle, int SlideCount, int CurrentSlide, int CurrentFragment, long Version, string? JoinUrl, IReadOnlyList<string> Languages);

/// <summary>Body of <c>GET /api/sessions/{code}/slides/{index}</c>; <c>Language</c> is the one <c>Html</c> is written in.</summary>
public sealed record SlideContent(string Code, int Slide, int Fragment, string Deck, string Html, string Language);
