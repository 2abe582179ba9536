using OpenHealthLive.Core.Polls;
using OpenHealthLive.Core.Sessions;
using OpenHealthLive.Core.Slides;

namespace OpenHealthLive.Core.Audience;

/// <summary>
/// The one rule for what the audience of a session may see: the slides it was shown (each up to the furthest
/// fragment shown), the deck files those steps show, and polls the presenter has opened or whose results they
/// have shown. The hub, the look-back API, the media endpoint and the poll exports all ask here, so a phone, a
/// script and a browser get the same answer. The presenter sees everything and does not go through this.
/// </summary>
public sealed class AudienceView
{
    private readonly LiveSessionState _session;
    private readonly Deck _deck;
    private readonly Deck _words;

    private AudienceView(LiveSessionState session, Deck deck, Deck words)
    {
        _session = session;
        _deck = deck;
        _words = words;
        Slides = deck.Metadata.AudienceCanBrowseAhead
            ? Enumerable.Range(0, deck.Slides.Count).ToArray()
            : session.Shown.Slides.Where(s => s < deck.Slides.Count).ToArray();
    }

    /// <summary>
    /// The audience's view of <paramref name="session"/>, which presents <paramref name="deck"/>, read in
    /// <paramref name="language"/> (one of <see cref="Deck.Languages"/>; the deck's own language when null or not one of them).
    /// The same slides and fragments are visible in every language: only the words differ.
    /// </summary>
    public static AudienceView Of(LiveSessionState session, Deck deck, string? language = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(deck);
        return new(session, deck, deck.In(language));
    }

    /// <summary>The slides (0-based, in order) the audience may look at.</summary>
    public IReadOnlyList<int> Slides { get; }

    /// <summary>
    /// The fragment step of <paramref name="slide"/> the audience may see when looking back: the furthest one
    /// shown (every step on a deck the audience may browse ahead in), or null when the slide was never shown.
    /// </summary>
    public int? FragmentOf(int slide)
    {
        if (slide < 0 || slide >= _deck.Slides.Count)
        {
            return null;
        }

        return _deck.Metadata.AudienceCanBrowseAhead
            ? _deck.Slides[slide].FragmentCount
            : _session.Shown.FurthestFragment(slide) is { } shown ? Math.Min(shown, _deck.Slides[slide].FragmentCount) : null;
    }

    /// <summary>The markup of <paramref name="slide"/> as the audience may see it when looking back, or null.</summary>
    public string? LookBack(int slide) => FragmentOf(slide) is { } fragment ? ForAudience(_words.Slides[slide].HtmlAt(fragment)) : null;

    /// <summary>The current slide as the room sees it now, at the current fragment.</summary>
    public string Live()
    {
        var slide = _words.Slides[Math.Clamp(_session.Position.Slide, 0, _words.Slides.Count - 1)];
        return ForAudience(slide.HtmlAt(_session.Position.Fragment));
    }

    /// <summary>
    /// True when a step the audience was shown shows the deck file <paramref name="path"/> (a key of
    /// <see cref="Deck.Media"/>) in any of the deck's languages: a picture the Spanish slides show instead of the English
    /// one was shown to the room as much as the English one. Files only in speaker notes, or only in fragments not
    /// revealed, are never visible.
    /// </summary>
    public bool CanSeeMedia(string path) =>
        _deck.Translations.Values.Prepend(_deck).Any(words =>
            words.Media.ContainsKey(path) && Slides.Any(slide => words.Slides[slide].MediaAt(FragmentOf(slide)!.Value).Contains(path)));

    /// <summary>Where phones of <paramref name="code"/> fetch deck files: per session, so a rehearsal unlocks nothing for the talk.</summary>
    public static string MediaPrefix(string code) => $"/j/{Uri.EscapeDataString(code)}/media/";

    /// <summary>True when the room may see the poll at all: it is open, or its results are shown.</summary>
    public static bool CanSeePoll(PollView poll)
    {
        ArgumentNullException.ThrowIfNull(poll);
        return poll.IsOpen || poll.ResultsVisible;
    }

    /// <summary>True when the room may see the poll's results (and a quiz's answer): only once the presenter shows them.</summary>
    public static bool CanSeeResults(PollView poll)
    {
        ArgumentNullException.ThrowIfNull(poll);
        return poll.ResultsVisible;
    }

    /// <summary>Points the slide's deck files at this session's address (see <see cref="MediaPrefix"/>).</summary>
    private string ForAudience(string html) =>
        html.Replace(SlideBuilder.MediaUrlPrefix(_deck.Slug), MediaPrefix(_session.Code), StringComparison.Ordinal);
}
