namespace OpenHealthLive.Core.Sessions;

/// <summary>An immutable snapshot of a live session.</summary>
/// <param name="Code">The join code.</param>
/// <param name="DeckSlug">The deck being presented.</param>
/// <param name="IsDefault">True for the session that exists from start-up.</param>
/// <param name="Position">The slide everyone should see.</param>
/// <param name="Revealed">The furthest point shown so far: the audience may look back up to here.</param>
/// <param name="CreatedAt">When the session started.</param>
/// <param name="Timer">The speaker's timer.</param>
public sealed record LiveSessionState(string Code, string DeckSlug, bool IsDefault, SlidePosition Position, SlidePosition Revealed, DateTimeOffset CreatedAt, SpeakerTimer Timer)
{
    /// <summary>True when the audience may see <paramref name="slide"/> at <paramref name="fragment"/>.</summary>
    public bool HasRevealed(int slide, int fragment) =>
        slide < Revealed.Slide || (slide == Revealed.Slide && fragment <= Revealed.Fragment);
}
