using OpenHealthLive.Core.Slides;

namespace OpenHealthLive.Core.Polls;

/// <summary>A deck poll and its state in one session.</summary>
/// <param name="SessionCode">Session join code.</param>
/// <param name="Definition">The poll as declared in the deck.</param>
/// <param name="IsOpen">Phones may vote.</param>
/// <param name="ResultsVisible">The room may see the results (and a quiz's answer).</param>
/// <param name="Round">Grows with every reset.</param>
/// <param name="Voters">Devices that voted in this round.</param>
/// <param name="OpenedAt">First opened in this round.</param>
/// <param name="ClosedAt">Last closed.</param>
/// <param name="HeldAnswers">Typed answers of this round the patient-data guard held, masked: for the presenter only.</param>
public sealed record PollView(
    string SessionCode, PollDefinition Definition, bool IsOpen, bool ResultsVisible, int Round, int Voters, DateTimeOffset? OpenedAt, DateTimeOffset? ClosedAt,
    IReadOnlyList<HeldPollAnswer>? HeldAnswers = null);
