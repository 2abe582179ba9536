namespace OpenHealthLive.Core.Polls;

/// <summary>Tells the room about poll changes after they are committed; the web app implements it with SignalR.</summary>
public interface IPollNotifier
{
    /// <summary>A poll opened, closed, showed or hid its results, or was reset.</summary>
    Task PollChangedAsync(PollView poll, CancellationToken cancellationToken);

    /// <summary>A poll's counts changed (a vote was committed). Sent on in batches by the implementation.</summary>
    void ResultsChanged(string sessionCode, string pollId);
}
