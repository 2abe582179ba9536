namespace OpenHealthLive.Core.Slides;

/// <summary>The outcome of loading a deck: the deck, or the errors that stop it from loading.</summary>
public sealed class DeckLoadResult
{
    private DeckLoadResult(string slug, Deck? deck, IReadOnlyList<DeckProblem> problems)
    {
        Slug = slug;
        Deck = deck;
        Problems = problems;
    }

    /// <summary>The deck's folder name.</summary>
    public string Slug { get; }

    /// <summary>The deck, or null when it has errors.</summary>
    public Deck? Deck { get; }

    /// <summary>Every error and warning, in source order.</summary>
    public IReadOnlyList<DeckProblem> Problems { get; }

    /// <summary>Only the errors.</summary>
    public IEnumerable<DeckProblem> Errors => Problems.Where(p => p.Severity == DeckProblemSeverity.Error);

    /// <summary>True when the deck loaded.</summary>
    public bool Succeeded => Deck is not null;

    internal static DeckLoadResult Success(Deck deck) => new(deck.Slug, deck, deck.Warnings);

    internal static DeckLoadResult Failure(string slug, IReadOnlyList<DeckProblem> problems) => new(slug, null, problems);
}
