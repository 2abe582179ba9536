using OpenHealthLive.Core.Audience;
using OpenHealthLive.Core.Polls;
using OpenHealthLive.Core.Slides;

namespace OpenHealthLive.Web.Polls;

/// <summary>
/// A poll as the room sees it: the question and choices, its state, and — only once the presenter shows
/// them — the results and a quiz's answer.
/// </summary>
public sealed record AudiencePoll(
    string Code, string Id, string Type, string Question, IReadOnlyList<string> Options, IReadOnlyList<string> Items, int Scale, int MaxChoices,
    bool IsOpen, bool ResultsVisible, int Round, int SlideIndex, PollResults? Results, string? Answer)
{
    /// <summary>
    /// The room's view of <paramref name="view"/>, worded as in <paramref name="words"/> (the deck in the phone's language;
    /// the deck's own when null): the question, options, items, a quiz's answer and the results' labels are translated, the
    /// counts and every index stay as they are, so a vote means the same option in every language.
    /// </summary>
    public static AudiencePoll From(PollView view, PollResults? results, Deck? words = null)
    {
        ArgumentNullException.ThrowIfNull(view);
        var state = view.Definition;
        var poll = words?.Polls.FirstOrDefault(p => p.Id == state.Id) ?? state;
        if (!ReferenceEquals(poll, state) && results is not null)
        {
            results = results.LabelledAs(poll);
        }

        return new(view.SessionCode, poll.Id, PollDefinitionReader.NameOf(state.Type), poll.Question, poll.Options, poll.Items, state.Scale, state.MaxChoices,
            view.IsOpen, view.ResultsVisible, view.Round, state.SlideIndex,
            AudienceView.CanSeeResults(view) ? results : null,
            AudienceView.CanSeeResults(view) ? poll.Answer : null);
    }
}

/// <summary>
/// A poll as the presenter sees it: results and a quiz's answer always, even while hidden from the room, and the
/// typed answers the patient-data guard held (masked, with the reason), which no count includes.
/// </summary>
public sealed record PresenterPoll(
    string Code, string Id, string Type, string Question, IReadOnlyList<string> Options, IReadOnlyList<string> Items, int Scale, int MaxChoices,
    bool IsOpen, bool ResultsVisible, int Round, int SlideIndex, bool AutoOpen, DateTimeOffset? OpenedAt, DateTimeOffset? ClosedAt, PollResults Results, string? Answer,
    IReadOnlyList<HeldPollAnswer> HeldAnswers)
{
    public static PresenterPoll From(PollView view, PollResults results)
    {
        ArgumentNullException.ThrowIfNull(view);
        var poll = view.Definition;
        return new(view.SessionCode, poll.Id, PollDefinitionReader.NameOf(poll.Type), poll.Question, poll.Options, poll.Items, poll.Scale, poll.MaxChoices,
            view.IsOpen, view.ResultsVisible, view.Round, poll.SlideIndex, poll.AutoOpen, view.OpenedAt, view.ClosedAt, results, poll.Answer, view.HeldAnswers ?? []);
    }
}

/// <summary>What a phone sends: exactly one field, by poll type (see docs/polls.md).</summary>
public sealed record PollVote(int? Option, IReadOnlyList<int>? Options, IReadOnlyList<int>? Ratings, IReadOnlyList<int>? Ranking, string? Text)
{
    public PollAnswer ToAnswer() => new(Option, Options, Ratings, Ranking, Text);
}

/// <summary>The receipt for a vote, sent after it is committed; <c>Held</c> when the patient-data guard held it (not counted).</summary>
public sealed record PollVoteResult(string PollId, int Round, bool Changed, string Message, PollVote Answer, bool Held = false);

/// <summary>The polls a phone should show, and its own answers in them.</summary>
public sealed record AudiencePolls(string Code, IReadOnlyList<AudiencePoll> Polls, IReadOnlyDictionary<string, PollVote> MyVotes);

/// <summary>New counts of a poll; to presenters always, to the room while its results are shown.</summary>
public sealed record PollResultsChanged(string Code, string PollId, PollResults Results);
