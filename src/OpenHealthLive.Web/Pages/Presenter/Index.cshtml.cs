using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenHealthLive.Core.Captions;
using OpenHealthLive.Core.Privacy;
using OpenHealthLive.Core.Sessions;
using OpenHealthLive.Core.Slides;
using OpenHealthLive.Core.Storage;
using OpenHealthLive.Web.Infrastructure;
using OpenHealthLive.Web.Join;
using OpenHealthLive.Web.Presenter;

namespace OpenHealthLive.Web.Pages.Presenter;

/// <summary>
/// The presenter console: current and next slide, notes, controls, audience count and the join QR code.
/// Presenter-only (see the folder convention in <see cref="OpenHealthLiveSetup"/>).
/// </summary>
public sealed class IndexModel(LiveSessionService sessions, DeckCatalog decks, JoinLinks links, PresenterSignIns signIns, RetentionPolicy retention, CaptionService captions) : PageModel
{
    /// <summary>Whether the talk's captions are kept after it ends.</summary>
    public bool CaptionsKept { get; private set; }

    /// <summary>The retention rules, for the "End of the talk" panel.</summary>
    public RetentionPolicy Retention => retention;

    public LiveSessionState? Session { get; private set; }

    public DeckLoadResult? DeckResult { get; private set; }

    public Deck? Deck => DeckResult?.Deck;

    public IReadOnlyList<LiveSessionState> AllSessions { get; private set; } = [];

    public IReadOnlyList<string> DeckSlugs { get; private set; } = [];

    public Uri? JoinUrl { get; private set; }

    public bool JoinUrlIsLocalOnly { get; private set; }

    [TempData]
    public string? Message { get; set; }

    /// <summary>Who is signed in: the page shows what they may do and hides the rest.</summary>
    public StaffMember Member { get; private set; } = new(StaffRole.Organiser, null, null);

    public async Task<IActionResult> OnGetAsync(string? code, CancellationToken cancellationToken)
    {
        if (StaffMember.Of(User) is not { } member)
        {
            return Forbid();
        }

        Member = member;
        // A speaker or moderator has one session: theirs, whatever the address asked for.
        code ??= member.SessionCode;
        if (member.Role == StaffRole.Captioner)
        {
            return RedirectToPage("/Presenter/Captions", new { code });
        }

        if (!member.Can(StaffRight.See, code ?? string.Empty) && member.Role != StaffRole.Organiser)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        Session = code is null
            ? await sessions.FindDefaultAsync(cancellationToken)
            : await sessions.FindAsync(code, cancellationToken);
        if (Session is null)
        {
            return NotFound();
        }

        if (code is not null && code != Session.Code)
        {
            return RedirectToPage(new { code = Session.Code });
        }

        // The console drives the slides; a moderator's page is the one without them.
        if (!member.Can(StaffRight.Drive, Session.Code))
        {
            return RedirectToPage("/Presenter/Moderate", new { code = Session.Code });
        }

        DeckResult = decks.Get(Session.DeckSlug);
        CaptionsKept = (await captions.SettingsAsync(Session.Code, cancellationToken)).Kept;
        AllSessions = await sessions.ListAsync(cancellationToken);
        DeckSlugs = decks.ListSlugs();
        JoinUrl = links.JoinUrl(Session.Code, Request);
        JoinUrlIsLocalOnly = JoinUrl is not null && !JoinLinks.IsReachableFromOtherDevices(JoinUrl);
        DoNotCache.Apply(Response);
        return Page();
    }

    [StaffPage(StaffRight.Organise)]
    public async Task<IActionResult> OnPostStartAsync(string? deck, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(deck) || !decks.Exists(deck))
        {
            Message = "Choose a deck from the list to start a session.";
            return RedirectToPage();
        }

        var session = await sessions.StartAsync(deck, cancellationToken);
        Message = $"Started session {session.Code} for '{deck}'.";
        return RedirectToPage(new { code = session.Code });
    }

    /// <summary>Ends this sign-in everywhere at once: this cookie, any copy of it, and its open hub connections.</summary>
    public async Task<IActionResult> OnPostSignOutAsync(CancellationToken cancellationToken)
    {
        try
        {
            await signIns.RevokeAsync(PresenterAuthentication.SignInId(User), cancellationToken);
        }
        catch (Exception ex) when (ex is DbUpdateException || StorageErrors.IsUnavailable(ex))
        {
            Message = NotSignedOut;
            return RedirectToPage();
        }

        await HttpContext.SignOutAsync(PresenterAuthentication.Scheme);
        return Redirect("/");
    }

    /// <summary>Ends every presenter sign-in (every device, every copied cookie), this one included.</summary>
    [StaffPage(StaffRight.Organise)]
    public async Task<IActionResult> OnPostSignOutEverywhereAsync(CancellationToken cancellationToken)
    {
        int ended;
        try
        {
            ended = await signIns.RevokeAllAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is DbUpdateException || StorageErrors.IsUnavailable(ex))
        {
            Message = NotSignedOut;
            return RedirectToPage();
        }

        await HttpContext.SignOutAsync(PresenterAuthentication.Scheme);
        TempData[nameof(SignInModel.Message)] = $"Signed out of every device ({ended} sign-in{(ended == 1 ? string.Empty : "s")} ended). Sign in again here with the key.";
        return RedirectToPage("/Presenter/SignIn");
    }

    private const string NotSignedOut = "Not signed out: the server could not record the sign-out in its database, so the sign-in goes on. Try again in a moment.";
}
