using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenHealthLive.Core.Sessions;
using OpenHealthLive.Core.Slides;
using OpenHealthLive.Core.Storage;
using OpenHealthLive.Web.Infrastructure;
using OpenHealthLive.Web.Join;
using OpenHealthLive.Web.Presenter;

namespace OpenHealthLive.Web.Pages.Organiser;

/// <summary>
/// The organiser's programme: every session with its title, deck, room and start time; new sessions (as rehearsals
/// or live); speaker, moderator and captioner links, shown once when made, and revoked here.
/// </summary>
[StaffPage(StaffRight.Organise)]
public sealed class IndexModel(LiveSessionService sessions, DeckCatalog decks, SessionGrants grants, JoinLinks links) : PageModel
{
    public IReadOnlyList<LiveSessionState> Sessions { get; private set; } = [];

    public IReadOnlyDictionary<string, IReadOnlyList<SessionGrantRecord>> Links { get; private set; } = new Dictionary<string, IReadOnlyList<SessionGrantRecord>>();

    public IReadOnlyList<string> DeckSlugs { get; private set; } = [];

    /// <summary>A link just made: shown on this answer only.</summary>
    public IssuedGrant? Issued { get; private set; }

    /// <summary>The address the issued link opens.</summary>
    public string? IssuedUrl { get; private set; }

    public string? Error { get; private set; }

    [TempData]
    public string? Message { get; set; }

    [BindProperty]
    public NewSession Input { get; set; } = new();

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid || !decks.Exists(Input.Deck ?? string.Empty))
        {
            Error = ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).FirstOrDefault() ?? "Choose a deck from the list.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(cancellationToken);
            return Page();
        }

        var startsAt = Input.StartsAt is { } local ? new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Local)) : (DateTimeOffset?)null;
        var session = await sessions.StartAsync(Input.Deck!, new SessionPlan(Input.Title, Input.Room, startsAt, Input.Rehearsal), cancellationToken);
        Message = $"Session {session.Code} added{(Input.Rehearsal ? " as a rehearsal" : string.Empty)}. Make its speaker and moderator links below.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostLinkAsync(string code, string role, CancellationToken cancellationToken)
    {
        if (await sessions.FindAsync(code, cancellationToken) is not { } session || StaffMember.Parse(role) is not ({ } staffRole and not StaffRole.Organiser))
        {
            return NotFound();
        }

        Issued = await grants.IssueAsync(session.Code, staffRole, cancellationToken);
        IssuedUrl = links.BaseUrl(Request) is { } baseUrl ? new Uri(baseUrl, "presenter/join").ToString() + "#" + Issued.Secret : null;
        // The secret is on this answer only: never stored, cached or redirected through an address.
        DoNotCache.Apply(Response);
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(string code, string link, CancellationToken cancellationToken)
    {
        if (!JoinCode.TryNormalize(code, out var normalized, out _) || !await grants.RevokeAsync(normalized, link, cancellationToken))
        {
            return NotFound();
        }

        Message = $"Link revoked: whoever signed in with it for {normalized} is signed out now.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Sessions = (await sessions.ListAsync(cancellationToken))
            .OrderBy(s => s.Plan.StartsAt ?? DateTimeOffset.MaxValue).ThenBy(s => s.Plan.Room, StringComparer.OrdinalIgnoreCase).ThenByDescending(s => s.CreatedAt).ToList();
        var byCode = new Dictionary<string, IReadOnlyList<SessionGrantRecord>>(StringComparer.Ordinal);
        foreach (var session in Sessions)
        {
            byCode[session.Code] = await grants.ListAsync(session.Code, cancellationToken);
        }

        Links = byCode;
        DeckSlugs = decks.ListSlugs();
        DoNotCache.Apply(Response);
    }

    /// <summary>The title a session is listed under: the organiser's, else the deck's.</summary>
    public string TitleOf(LiveSessionState session) =>
        session?.Plan.Title ?? decks.Get(session!.DeckSlug).Deck?.Metadata.Title ?? session.DeckSlug;

    /// <summary>The new-session form.</summary>
    public sealed class NewSession
    {
        [StringLength(SessionPlan.MaxTitleLength, ErrorMessage = "A title has at most 200 characters.")]
        public string? Title { get; set; }

        [Required(ErrorMessage = "Choose a deck.")]
        public string? Deck { get; set; }

        [StringLength(SessionPlan.MaxRoomLength, ErrorMessage = "A room name has at most 100 characters.")]
        public string? Room { get; set; }

        public DateTime? StartsAt { get; set; }

        public bool Rehearsal { get; set; }
    }
}
