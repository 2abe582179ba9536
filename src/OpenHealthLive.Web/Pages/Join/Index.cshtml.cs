using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using OpenHealthLive.Core.Privacy;
using OpenHealthLive.Core.Sessions;
using OpenHealthLive.Core.Slides;
using OpenHealthLive.Web.Devices;
using OpenHealthLive.Web.Live;
using OpenHealthLive.Web.Localization;
using OpenHealthLive.Web.Privacy;

namespace OpenHealthLive.Web.Pages.Join;

/// <summary>
/// The audience page at <c>/j/{code}</c>: the current slide is in the HTML itself, so the phone shows it
/// before any script runs; the script then follows the presenter live.
/// </summary>
public sealed class IndexModel(
    LiveSessionService sessions, DeckCatalog decks, LiveMessages messages, DeviceIdentity devices, IOptions<PrivacyOptions> privacy, RetentionPolicy retention, IStringLocalizer<AudienceText> text) : PageModel
{
    /// <summary>What the privacy notice says (docs/privacy.md).</summary>
    public PrivacyOptions Privacy => privacy.Value;

    /// <summary>When what the audience sent will be deleted, once the talk has ended.</summary>
    public DateTimeOffset? DeleteAfter => retention.DeleteAfter(Session?.EndedAt);

    public LiveSessionState? Session { get; private set; }

    public SlideState? State { get; private set; }

    public string Title { get; private set; } = "Join";

    /// <summary>The language the page's slides are in: the one asked for or the browser's, when the deck has it; else the deck's own.</summary>
    public string Language { get; private set; } = "en";

    /// <summary>
    /// The switcher's languages: every language the deck can be read in (its own first), then those the page's own
    /// words are written in (docs/languages.md). One choice drives both: the page's words when the site has the
    /// language, the slides when the deck has it.
    /// </summary>
    public IReadOnlyList<DeckLanguage> Languages { get; private set; } = [];

    /// <summary>The language the switcher shows as chosen: the slides' when they are a translation, else the page's words'.</summary>
    public string Chosen { get; private set; } = "en";

    public string Theme { get; private set; } = "auto";

    public string RequestedCode { get; private set; } = string.Empty;

    /// <param name="code">The join code.</param>
    /// <param name="lang">The language the phone chose on an earlier visit (<c>?lang=es</c>); it wins over the browser's.</param>
    /// <param name="cancellationToken">The request's.</param>
    public async Task OnGetAsync(string code, string? lang, CancellationToken cancellationToken)
    {
        RequestedCode = code.Length > 12 ? code[..12] : code;
        Session = await sessions.FindAsync(code, cancellationToken);
        if (Session is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            Title = text["Join.NoTalk.Title"];
            return;
        }

        // The phone's anonymous identity for one-vote-per-device and rate limits (docs/privacy.md).
        devices.EnsureDevice(HttpContext);
        var deck = decks.Get(Session.DeckSlug).Deck;
        var language = deck is null ? null : (lang is { Length: <= LiveHub.MaxLanguageLength } ? deck.FindLanguage(lang) : null) ?? deck.ChooseLanguage(BrowserLanguages());
        var translation = language is not null && deck!.Translations.ContainsKey(language) ? language : null;
        State = messages.SlideState(Session, translation);
        var words = deck?.In(translation);
        Title = words?.Metadata.Title ?? text["Join.LiveTalk"];
        Language = words?.Language ?? "en";
        Theme = deck?.Metadata.Theme ?? "auto";
        var site = CultureInfo.CurrentUICulture.Name;
        var deckLanguages = deck?.Languages ?? [];
        static string Primary(string tag) => tag.Split('-')[0].ToLowerInvariant();
        Languages = deckLanguages
            .Select(tag => new DeckLanguage(tag, NativeName(tag, deckLanguages), deck!.In(tag).Metadata.Title, InDeck: true, InSite: LocalizationSetup.Languages.Contains(Primary(tag))))
            .Concat(LocalizationSetup.Languages
                .Where(tag => !deckLanguages.Any(d => Primary(d) == tag))
                .Select(tag => new DeckLanguage(tag, NativeName(tag, LocalizationSetup.Languages), deck?.Metadata.Title ?? Title, InDeck: false, InSite: true)))
            .ToList();
        Chosen = translation ?? Languages.FirstOrDefault(l => Primary(l.Tag) == site)?.Tag ?? Language;
        Response.Headers.CacheControl = "no-store";
        Response.Headers.Append("Vary", "Accept-Language");
    }

    /// <summary>The browser's languages, best first (as Accept-Language weighs them); the first ten are plenty.</summary>
    private IEnumerable<string> BrowserLanguages() =>
        Request.GetTypedHeaders().AcceptLanguage
            .Where(l => l.Quality is not 0)
            .OrderByDescending(l => l.Quality ?? 1)
            .Take(10)
            .Select(l => l.Value.Value ?? string.Empty);

    /// <summary>
    /// The language's name in itself ("Español"), as a reader looks for it. Without its region ("English", not "English
    /// (United Kingdom)") unless the deck has the same language twice (pt-BR and pt-PT).
    /// </summary>
    private static string NativeName(string tag, IReadOnlyList<string> all)
    {
        CultureInfo culture;
        try
        {
            culture = CultureInfo.GetCultureInfo(tag);
        }
        catch (CultureNotFoundException)
        {
            return tag;
        }

        var primary = tag.Split('-')[0];
        if (!culture.IsNeutralCulture && !culture.Parent.Equals(CultureInfo.InvariantCulture)
            && all.Count(t => t.Split('-')[0].Equals(primary, StringComparison.OrdinalIgnoreCase)) == 1)
        {
            culture = culture.Parent;
        }

        var name = culture.NativeName;
        return name.Length == 0 ? tag : culture.TextInfo.ToUpper(name[0]) + name[1..];
    }
}

/// <summary>A language the audience page offers: its tag, its name in itself, and the talk's title in it.</summary>
public sealed record DeckLanguage(string Tag, string Name, string Title, bool InDeck = true, bool InSite = false);
