namespace OpenHealthLive.Core.Polls;

/// <summary>Tells the room about poll changes after they are committed; the web app implements it with SignalR.</summary>
public interface IPollNotifier
{
    /// <summary>A poll opened, closed, showed or hid its results, or was reset; with its results now.</summary>
    Task PollChangedAsync(PollView poll, PollResults results, CancellationToken cancellationToken);

    /// <summary>The held answers of a poll changed (<see cref="PollView.HeldAnswers"/>): for presenter devices only.</summary>
    Task HeldAnswersChangedAsync(PollView poll, PollResults results, CancellationToken cancellationToken);

    /// <summary>
    /// A poll's counts changed (a vote was committed). Implementations send results on in batches, taking a
    /// <paramref name="snapshot"/> once per batch rather than once per vote.
    /// </summary>
    void ResultsChanged(string sessionCode, string pollId, bool resultsVisible, Func<CancellationToken, Task<PollResults>> snapshot);
}
