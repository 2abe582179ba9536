using System.Collections.Concurrent;
using OpenHealthLive.Core.Polls;
using OpenHealthLive.Web.Live;

namespace OpenHealthLive.Web.Polls;

/// <summary>
/// Sends poll changes to the room. State changes (open, close, show results, reset) go out at once; counts go
/// out a few times a second, one snapshot per poll however many votes arrived, to presenters always and to
/// the room only while the results are shown.
/// </summary>
internal sealed partial class PollBroadcaster(
    FollowerBroadcast broadcast,
    TimeProvider time,
    ILogger<PollBroadcaster> logger) : BackgroundService, IPollNotifier
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    private readonly ConcurrentDictionary<(string Code, string PollId), (bool Visible, Func<CancellationToken, Task<PollResults>> Snapshot)> _pending = new();

    public async Task PollChangedAsync(PollView poll, PollResults results, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(poll);
        // A state change carries fresh results itself; counts still waiting for this poll are out of date.
        _pending.TryRemove((poll.SessionCode, poll.Definition.Id), out _);
        await broadcast.SendAsync(poll.SessionCode, client => client.PollChanged(AudiencePoll.From(poll, results)));
        await broadcast.SendToPresentersAsync(poll.SessionCode, client => client.PollUpdated(PresenterPoll.From(poll, results)));
    }

    public Task HeldAnswersChangedAsync(PollView poll, PollResults results, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(poll);
        return broadcast.SendToPresentersAsync(poll.SessionCode, client => client.PollUpdated(PresenterPoll.From(poll, results)));
    }

    public void ResultsChanged(string sessionCode, string pollId, bool resultsVisible, Func<CancellationToken, Task<PollResults>> snapshot) =>
        _pending[(sessionCode, pollId)] = (resultsVisible, snapshot);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await FlushAsync();
        }
    }

    internal async Task FlushAsync()
    {
        foreach (var key in _pending.Keys)
        {
            if (!_pending.TryRemove(key, out var pending))
            {
                continue;
            }

            try
            {
                var message = new PollResultsChanged(key.Code, key.PollId, await pending.Snapshot(CancellationToken.None));
                await broadcast.SendToPresentersAsync(key.Code, client => client.PollResultsChanged(message));
                if (pending.Visible)
                {
                    await broadcast.SendAsync(key.Code, client => client.PollResultsChanged(message));
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogSendFailed(ex, key.Code, key.PollId);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send results of poll {PollId} in session {Code}")]
    private partial void LogSendFailed(Exception exception, string code, string pollId);
}
