using System.Collections.Concurrent;
using OpenHealthLive.Core.Questions;
using OpenHealthLive.Web.Rooms;

namespace OpenHealthLive.Web.Questions;

/// <summary>
/// Sends question changes to the room in batches, a few times a second: in a vote storm a popular question
/// changes hundreds of times a second, and every phone needs only its latest count. Held and hidden
/// questions go to presenter devices only; for everyone else they are removed from the list. Each message carries
/// the session's counts after the changes: screens hold only the pages they asked for, and show the totals.
/// </summary>
internal sealed partial class QuestionBroadcaster(
    FollowerBroadcast<IQuestionsClient> broadcast,
    QuestionCounter counter,
    TimeProvider time,
    ILogger<QuestionBroadcaster> logger) : BackgroundService, IQuestionNotifier
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    private readonly ConcurrentDictionary<string, ConcurrentDictionary<long, QuestionView?>> _pending = new(StringComparer.Ordinal);

    public Task QuestionChangedAsync(QuestionView question, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        _pending.GetOrAdd(question.SessionCode, _ => new())[question.Id] = question;
        return Task.CompletedTask;
    }

    public Task QuestionDeletedAsync(string sessionCode, long questionId, CancellationToken cancellationToken)
    {
        _pending.GetOrAdd(sessionCode, _ => new())[questionId] = null;
        return Task.CompletedTask;
    }

    public Task SettingsChangedAsync(QnaSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return broadcast.SendAsync(settings.SessionCode, client => client.QnaSettingsChanged(QnaSettingsChanged.From(settings)));
    }

    public Task BlockedDevicesChangedAsync(string sessionCode, IReadOnlyList<BlockedDevice> blocked, CancellationToken cancellationToken)
    {
        var message = new BlockedDevicesChanged(sessionCode, blocked.Select(BlockedPhone.From).ToList());
        return broadcast.SendToPresentersAsync(sessionCode, client => client.BlockedDevicesChanged(message));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await FlushAsync();
        }
    }

    /// <summary>Sends everything pending now.</summary>
    internal async Task FlushAsync()
    {
        foreach (var (code, changes) in _pending)
        {
            var taken = new List<(long Id, QuestionView? View)>();
            foreach (var id in changes.Keys)
            {
                if (changes.TryRemove(id, out var view))
                {
                    taken.Add((id, view));
                }
            }

            if (taken.Count == 0)
            {
                continue;
            }

            var visible = taken.Where(t => t.View is { Status: QuestionStatus.Visible }).Select(t => AudienceQuestion.From(t.View!)).ToList();
            var goneForAudience = taken.Where(t => t.View is null or { Status: not QuestionStatus.Visible }).Select(t => t.Id).ToList();
            var forPresenter = taken.Where(t => t.View is not null).Select(t => PresenterQuestion.From(t.View!)).ToList();
            var deleted = taken.Where(t => t.View is null).Select(t => t.Id).ToList();
            try
            {
                var counts = await CountAsync(code);
                await broadcast.SendAsync(code, client => client.QuestionsChanged(new QuestionsChanged(code, visible, goneForAudience, counts?.Visible)));
                await broadcast.SendToPresentersAsync(code, client => client.ModerationChanged(new ModerationChanged(code, forPresenter, deleted, counts?.Total, counts?.Held)));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogSendFailed(ex, code);
            }
        }
    }

    /// <summary>The counts to send, or null when the database cannot answer now: the changes still go out, and screens keep their last counts.</summary>
    private async Task<QuestionCounts?> CountAsync(string code)
    {
        try
        {
            return await counter.CountAsync(code, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogCountFailed(ex, code);
            return null;
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushAsync();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send question changes of session {Code}")]
    private partial void LogSendFailed(Exception exception, string code);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not count the questions of session {Code}; changes sent without counts")]
    private partial void LogCountFailed(Exception exception, string code);
}
