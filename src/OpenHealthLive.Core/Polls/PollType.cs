namespace OpenHealthLive.Core.Polls;

/// <summary>The kinds of poll a deck can declare.</summary>
public enum PollType
{
    /// <summary>Pick one option.</summary>
    SingleChoice,

    /// <summary>Pick up to <see cref="PollDefinition.MaxChoices"/> options.</summary>
    MultipleChoice,

    /// <summary>Rate each item on a 1..<see cref="PollDefinition.Scale"/> scale.</summary>
    Rating,

    /// <summary>Put every option in order.</summary>
    Ranking,

    /// <summary>A short free-text answer, normalised and counted.</summary>
    WordCloud,

    /// <summary>Pick one option; the correct one is revealed later.</summary>
    Quiz,
}
