namespace OpenHealthLive.Web.Polls;

/// <summary>What polls push to clients (part of the hub's client, ILiveClient; wire names in docs/live-protocol.md).</summary>
public interface IPollsClient
{
    /// <summary>A poll opened, closed, showed or hid its results, or was reset: the room's view of it.</summary>
    Task PollChanged(AudiencePoll poll);

    /// <summary>The same change, as presenter devices see it (results and a quiz's answer included).</summary>
    Task PollUpdated(PresenterPoll poll);

    /// <summary>New counts; to presenters always, to the room while the results are shown. Batched.</summary>
    Task PollResultsChanged(PollResultsChanged results);
}
