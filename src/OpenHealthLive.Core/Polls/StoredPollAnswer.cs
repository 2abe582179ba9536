namespace OpenHealthLive.Core.Polls;

/// <summary>A vote as stored: either an answer that is counted, or a held one that is not.</summary>
/// <param name="Counted">The normalised answer, counted in the results; null when held.</param>
/// <param name="Held">The held answer, masked; null when counted.</param>
public sealed record StoredPollAnswer(PollAnswer? Counted, HeldPollAnswer? Held)
{
    /// <summary>What the phone that sent it is shown as its answer: the counted answer, or the masked text.</summary>
    public PollAnswer AsSeenByVoter => Counted ?? new PollAnswer(Text: Held!.Text);
}
