using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using OpenHealthLive.Core.Privacy;
using OpenHealthLive.Core.Sessions;
using OpenHealthLive.Core.Slides;
using OpenHealthLive.Web.Devices;
using OpenHealthLive.Web.Live;
using OpenHealthLive.Web.Privacy;

namespace OpenHealthLive.Web.Pages.Join;

/// <summary>
/// The audience page at <c>/j/{code}</c>: the current slide is in the HTML itself, so the phone shows it
/// before any script runs; the script then follows the presenter live.
/// </summary>
public sealed class IndexModel(
    LiveSessionService sessions, DeckCatalog decks, LiveMessages messages, DeviceIdentity devices, IOptions<PrivacyOptions> privacy, RetentionPolicy retention) : PageModel
{
    /// <summary>What the privacy notice says (docs/privacy.md).</summary>
    public PrivacyOptions Privacy => privacy.Value;

    /// <summary>When what the audience sent will be deleted, once the talk has ended.</summary>
    public DateTimeOffset? DeleteAfter => retention.DeleteAfter(Session?.EndedAt);

    public LiveSessionState? Session { get; private set; }

    public SlideState? State { get; private set; }

    public string Title { get; private set; } = "Join";

    public string Language { get; private set; } = "en";

    public string Theme { get; private set; } = "auto";

    public string RequestedCode { get; private set; } = string.Empty;

    public async Task OnGetAsync(string code, CancellationToken cancellationToken)
    {
        RequestedCode = code.Length > 12 ? code[..12] : code;
        Session = await sessions.FindAsync(code, cancellationToken);
        if (Session is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            Title = "No talk with this code";
            return;
        }

        // The phone's anonymous identity for one-vote-per-device and rate limits (docs/privacy.md).
        devices.EnsureDevice(HttpContext);
        State = messages.SlideState(Session);
        var deck = decks.Get(Session.DeckSlug).Deck;
        Title = deck?.Metadata.Title ?? "Live talk";
        Language = deck?.Metadata.Language ?? "en";
        Theme = deck?.Metadata.Theme ?? "auto";
        Response.Headers.CacheControl = "no-store";
    }
}
