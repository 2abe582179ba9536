using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using OpenHealthLive.Core.Questions;
using OpenHealthLive.Core.Storage;

namespace OpenHealthLive.Core.Tests.Questions;

/// <summary>
/// Stands in for the SignalR notifier. Each call is recorded with what the database held when it was made, so a
/// test can tell that a change was committed before screens were told of it.
/// </summary>
internal sealed class RecordingQuestionNotifier(IDbContextFactory<LiveDbContext> dbFactory) : IQuestionNotifier
{
    private readonly ConcurrentQueue<Told> _told = new();

    /// <summary>Everything told so far, oldest first.</summary>
    public IReadOnlyList<Told> All => [.. _told];

    /// <summary>The questions told as changed, in order.</summary>
    public IReadOnlyList<QuestionView> Changed => [.. _told.OfType<ChangedTold>().Select(c => c.Question)];

    /// <summary>The ids told as deleted, in order.</summary>
    public IReadOnlyList<long> Deleted => [.. _told.OfType<DeletedTold>().Select(d => d.QuestionId)];

    /// <summary>The settings told, in order.</summary>
    public IReadOnlyList<QnaSettings> Settings => [.. _told.OfType<SettingsTold>().Select(s => s.Settings)];

    /// <summary>The blocked lists told, in order.</summary>
    public IReadOnlyList<IReadOnlyList<BlockedDevice>> Blocked => [.. _told.OfType<BlockedTold>().Select(b => b.Blocked)];

    public void Clear() => _told.Clear();

    public async Task QuestionChangedAsync(QuestionView question, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.Questions.AsNoTracking().SingleOrDefaultAsync(q => q.Id == question.Id, cancellationToken);
        _told.Enqueue(new ChangedTold(question, stored));
    }

    public async Task QuestionDeletedAsync(string sessionCode, long questionId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stillStored = await db.Questions.AnyAsync(q => q.Id == questionId, cancellationToken);
        _told.Enqueue(new DeletedTold(sessionCode, questionId, stillStored));
    }

    public async Task SettingsChangedAsync(QnaSettings settings, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.Sessions.AsNoTracking().SingleAsync(s => s.Code == settings.SessionCode, cancellationToken);
        _told.Enqueue(new SettingsTold(settings, stored));
    }

    public Task BlockedDevicesChangedAsync(string sessionCode, IReadOnlyList<BlockedDevice> blocked, CancellationToken cancellationToken)
    {
        _told.Enqueue(new BlockedTold(sessionCode, blocked));
        return Task.CompletedTask;
    }

    internal abstract record Told;

    /// <summary>A question told as changed, and its row as stored at that moment (null when there was none).</summary>
    internal sealed record ChangedTold(QuestionView Question, QuestionRecord? Stored) : Told;

    internal sealed record DeletedTold(string SessionCode, long QuestionId, bool StillStored) : Told;

    internal sealed record SettingsTold(QnaSettings Settings, LiveSessionRecord Stored) : Told;

    internal sealed record BlockedTold(string SessionCode, IReadOnlyList<BlockedDevice> Blocked) : Told;
}
