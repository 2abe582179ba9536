using Microsoft.AspNetCore.Mvc;
using OpenHealthLive.Core.Sessions;
using OpenHealthLive.Core.Slides;
using OpenHealthLive.Web.Join;

namespace OpenHealthLive.Web.Pages.Presenter;

/// <summary>A page for the room's big screen: the session, its deck and the join address; never cached.</summary>
public abstract class ScreenPageModel(LiveSessionService sessions, DeckCatalog decks, JoinLinks links) : SessionPageModel(sessions, decks)
{
    public Uri? JoinUrl { get; private set; }

    protected override Task<IActionResult?> LoadAsync(LiveSessionState session, CancellationToken cancellationToken)
    {
        JoinUrl = links.JoinUrl(session.Code, Request);
        return Task.FromResult<IActionResult?>(null);
    }
}
