using System.Collections.Concurrent;
using OpenHealthLive.Core.Polls;
using OpenHealthLive.Core.Sessions;
using OpenHealthLive.Core.Slides;
using OpenHealthLive.Web.Rooms;

namespace OpenHealthLive.Web.Polls;

/// <summary>
/// Sends poll changes to the room. State changes (open, close, show results, reset) go out at once; counts go
/// out a few times a second, one snapshot per poll however many votes arrived, to presenters always and to
/// the room only while the results are shown. What the room gets is worded in each phone's language (see
/// <see cref="FollowerBroadcast{TClient}.SendPerLanguageAsync"/>): one message per language, the same counts in each.
/// </summary>
internal sealed partial class PollBroadcaster(
    FollowerBroadcast<IPollsClient> broadcast,
    LiveSessionService sessions,
    DeckCatalog decks,
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
        var deck = await DeckOfAsync(poll.SessionCode, cancellationToken);
        await broadcast.SendPerLanguageAsync(poll.SessionCode, deck, translation =>
        {
            var message = AudiencePoll.From(poll, results, deck?.In(translation));
            return client => client.PollChanged(message);
        });
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
                    var deck = await DeckOfAsync(key.Code, CancellationToken.None);
                    await broadcast.SendPerLanguageAsync(key.Code, deck, translation =>
                    {
                        var words = deck?.In(translation).Polls.FirstOrDefault(p => p.Id == key.PollId);
                        var worded = translation is null || words is null ? message : message with { Results = message.Results.LabelledAs(words) };
                        return client => client.PollResultsChanged(worded);
                    });
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogSendFailed(ex, key.Code, key.PollId);
            }
        }
    }

    private async Task<Deck?> DeckOfAsync(string code, CancellationToken cancellationToken) =>
        await sessions.FindAsync(code, cancellationToken) is { } session ? decks.Get(session.DeckSlug).Deck : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send results of poll {PollId} in session {Code}")]
    private partial void LogSendFailed(Exception exception, string code, string pollId);
}
