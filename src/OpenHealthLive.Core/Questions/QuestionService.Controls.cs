using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OpenHealthLive.Core.Refusals;
using OpenHealthLive.Core.Storage;

namespace OpenHealthLive.Core.Questions;

/// <summary>
/// The Q&amp;A controls of a session's speaker or moderator: open and close questions, slow mode, and blocking a phone.
/// They are checked on the one writer, from the database, after the other refusals: a phone racing the moderator
/// cannot slip a question past a close or a block, and a blocked phone meets every refusal the others meet first.
/// </summary>
public sealed partial class QuestionService
{
    /// <summary>What a phone is told when it asks while questions are closed.</summary>
    public const string QuestionsClosedMessage =
        "Questions are closed: the speaker is not taking new questions now. Keep your question; you can send it if questions open again.";

    private readonly Func<LiveDbContext, string, Task<ControlsRow?>> _controls =
        EF.CompileAsyncQuery((LiveDbContext db, string code) =>
            db.Sessions.AsNoTracking().Where(s => s.Code == code).Select(s => new ControlsRow(s.QuestionsClosed, s.SlowModeSeconds)).FirstOrDefault());

    // Ids grow with time, and SQLite cannot order by a DateTimeOffset: the latest question is the one with the highest id.
    private readonly Func<LiveDbContext, string, string, Task<DateTimeOffset?>> _lastAskedAt =
        EF.CompileAsyncQuery((LiveDbContext db, string code, string device) =>
            db.Questions.AsNoTracking().Where(q => q.SessionCode == code && q.DeviceHash == device).OrderByDescending(q => q.Id)
                .Select(q => (DateTimeOffset?)q.CreatedAt).FirstOrDefault());

    private readonly Func<LiveDbContext, string, string, Task<bool>> _isBlocked =
        EF.CompileAsyncQuery((LiveDbContext db, string code, string device) =>
            db.BlockedDevices.Any(b => b.SessionCode == code && b.DeviceHash == device));

    /// <summary>Opens or closes questions. Closed, a new question is refused with <see cref="QuestionsClosedMessage"/>; upvotes still count.</summary>
    public Task<QnaSettings> SetQuestionsOpenAsync(string sessionCode, bool open, CancellationToken cancellationToken) =>
        ChangeControlsAsync(sessionCode, db => db.Sessions.Where(s => s.Code == sessionCode).ExecuteUpdateAsync(s => s.SetProperty(r => r.QuestionsClosed, !open), cancellationToken), cancellationToken);

    /// <summary>Sets slow mode: one question per phone every <paramref name="seconds"/> (0 turns it off).</summary>
    /// <exception cref="RequestRefusedException">The number is outside 0 to <see cref="QnaSettings.MaxSlowModeSeconds"/>.</exception>
    public Task<QnaSettings> SetSlowModeAsync(string sessionCode, int seconds, CancellationToken cancellationToken)
    {
        if (seconds is < 0 or > QnaSettings.MaxSlowModeSeconds)
        {
            throw new RequestRefusedException(RefusalCodes.BadSlowMode, $"Slow mode is from 0 (off) to {QnaSettings.MaxSlowModeSeconds} seconds (10 minutes), not {seconds}.", QnaSettings.MaxSlowModeSeconds, seconds);
        }

        return ChangeControlsAsync(sessionCode, db => db.Sessions.Where(s => s.Code == sessionCode).ExecuteUpdateAsync(s => s.SetProperty(r => r.SlowModeSeconds, seconds), cancellationToken), cancellationToken);
    }

    /// <summary>How long ago this device asked its latest question (that the session still holds), or null when it never did.</summary>
    public TimeSpan? SinceLastQuestion(DeviceQuestions device)
    {
        ArgumentNullException.ThrowIfNull(device);
        return device.Own.Count == 0 ? null : time.GetUtcNow() - device.Own.Max(q => q.CreatedAt);
    }

    /// <summary>
    /// Blocks the phone that asked <paramref name="questionId"/>: every question of it in the session is hidden from the room,
    /// and its questions, upvotes and poll votes are refused from now on (<see cref="DeviceBlockedException"/>). The phone is
    /// not told. Blocking a phone twice changes nothing.
    /// </summary>
    /// <returns>Every phone blocked in the session.</returns>
    public async Task<IReadOnlyList<BlockedDevice>> BlockDeviceAsync(string sessionCode, long questionId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var session = await db.Sessions.SingleOrDefaultAsync(s => s.Code == sessionCode, cancellationToken)
            ?? throw UnknownSession(sessionCode);
        var device = await db.Questions.AsNoTracking().Where(q => q.Id == questionId && q.SessionCode == sessionCode).Select(q => q.DeviceHash).SingleOrDefaultAsync(cancellationToken)
            ?? throw QuestionMissing();
        if (!await db.BlockedDevices.AnyAsync(b => b.SessionCode == sessionCode && b.DeviceHash == device, cancellationToken))
        {
            db.BlockedDevices.Add(new BlockedDeviceRecord { SessionCode = sessionCode, DeviceHash = device, BlockedAt = time.GetUtcNow() });
        }

        var shown = await db.Questions.Where(q => q.SessionCode == sessionCode && q.DeviceHash == device && q.Status != (int)QuestionStatus.Hidden).ToListAsync(cancellationToken);
        var previousAnswering = session.AnsweringQuestionId;
        foreach (var question in shown)
        {
            question.Status = (int)QuestionStatus.Hidden;
            if (session.AnsweringQuestionId == question.Id)
            {
                session.AnsweringQuestionId = null;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        _blocks.Forget(sessionCode);
        _settings.Set(sessionCode, SettingsOf(session));
        LogDeviceBlocked(sessionCode, shown.Count);

        foreach (var question in shown)
        {
            await notifier.QuestionChangedAsync(ToView(question, session.AnsweringQuestionId), cancellationToken);
        }

        if (previousAnswering != session.AnsweringQuestionId)
        {
            await notifier.SettingsChangedAsync(SettingsOf(session), cancellationToken);
        }

        var blocked = await BlockedDevicesAsync(sessionCode, cancellationToken);
        await notifier.BlockedDevicesChangedAsync(sessionCode, blocked, cancellationToken);
        return blocked;
    }

    /// <summary>Unblocks a phone: it may write again. Its questions stay hidden; a moderator shows again those the room should see.</summary>
    /// <returns>Every phone still blocked in the session.</returns>
    /// <exception cref="RequestRefusedException">No such block in this session.</exception>
    public async Task<IReadOnlyList<BlockedDevice>> UnblockDeviceAsync(string sessionCode, long blockId, CancellationToken cancellationToken)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            if (await db.BlockedDevices.Where(b => b.Id == blockId && b.SessionCode == sessionCode).ExecuteDeleteAsync(cancellationToken) == 0)
            {
                throw new RequestRefusedException(RefusalCodes.NotBlocked, "That phone is not blocked in this session (it may have been unblocked already).");
            }
        }

        _blocks.Forget(sessionCode);
        LogDeviceUnblocked(sessionCode);
        var blocked = await BlockedDevicesAsync(sessionCode, cancellationToken);
        await notifier.BlockedDevicesChangedAsync(sessionCode, blocked, cancellationToken);
        return blocked;
    }

    /// <summary>The phones blocked in a session, oldest block first, as a moderator sees them.</summary>
    public async Task<IReadOnlyList<BlockedDevice>> BlockedDevicesAsync(string sessionCode, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var blocks = await db.BlockedDevices.AsNoTracking().Where(b => b.SessionCode == sessionCode).OrderBy(b => b.Id).ToListAsync(cancellationToken);
        var result = new List<BlockedDevice>(blocks.Count);
        foreach (var block in blocks)
        {
            var own = db.Questions.AsNoTracking().Where(q => q.SessionCode == sessionCode && q.DeviceHash == block.DeviceHash);
            var count = await own.CountAsync(cancellationToken);
            var last = await own.OrderByDescending(q => q.Id).Select(q => q.Text).FirstOrDefaultAsync(cancellationToken);
            result.Add(new BlockedDevice(block.Id, block.BlockedAt, count, last));
        }

        return result;
    }

    /// <summary>
    /// The refusals of the Q&amp;A controls, on the writer, read from the database: closed, then slow mode, then a block
    /// (after the refusals any phone can get, so a blocked phone cannot tell from them that it was blocked).
    /// </summary>
    private async Task CheckControlsAsync(LiveDbContext db, string sessionCode, string deviceHash)
    {
        var controls = await _controls(db, sessionCode) ?? throw UnknownSession(sessionCode);
        if (controls.QuestionsClosed)
        {
            throw new RequestRefusedException(RefusalCodes.QuestionsClosed, QuestionsClosedMessage);
        }

        if (controls.SlowModeSeconds > 0 && await _lastAskedAt(db, sessionCode, deviceHash) is { } last)
        {
            var wait = last.AddSeconds(controls.SlowModeSeconds) - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                var seconds = (int)Math.Ceiling(wait.TotalSeconds);
                throw new RequestRefusedException(RefusalCodes.SlowMode,
                    $"Slow mode: one question every {Duration(controls.SlowModeSeconds)} from each phone. You can ask again in {Seconds(seconds)}.", controls.SlowModeSeconds, seconds);
            }
        }

        if (await _isBlocked(db, sessionCode, deviceHash))
        {
            throw new DeviceBlockedException();
        }
    }

    private async Task<QnaSettings> ChangeControlsAsync(string sessionCode, Func<LiveDbContext, Task<int>> change, CancellationToken cancellationToken)
    {
        // A set-based update, so a slide moving at the same moment (the row's version) cannot make it fail.
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await change(db) == 0)
        {
            throw UnknownSession(sessionCode);
        }

        var session = await db.Sessions.AsNoTracking().SingleAsync(s => s.Code == sessionCode, cancellationToken);
        var settings = SettingsOf(session);
        _settings.Set(sessionCode, settings);
        LogControlsChanged(sessionCode, settings.QuestionsOpen, settings.SlowModeSeconds);
        await notifier.SettingsChangedAsync(settings, cancellationToken);
        return settings;
    }

    private static QnaSettings SettingsOf(LiveSessionRecord session) =>
        new(session.Code, session.PreModeration, session.AnsweringQuestionId, !session.QuestionsClosed, session.SlowModeSeconds);

    /// <summary>"1 second", "45 seconds", "2 minutes", "90 seconds".</summary>
    private static string Duration(int seconds) => seconds switch
    {
        1 => "1 second",
        60 => "1 minute",
        >= 120 when seconds % 60 == 0 => (seconds / 60).ToString(CultureInfo.InvariantCulture) + " minutes",
        _ => seconds.ToString(CultureInfo.InvariantCulture) + " seconds",
    };

    /// <summary>A wait, counted down in seconds as the phone shows it: "1 second", "60 seconds".</summary>
    private static string Seconds(int seconds) => seconds == 1 ? "1 second" : seconds.ToString(CultureInfo.InvariantCulture) + " seconds";

    private sealed record ControlsRow(bool QuestionsClosed, int SlowModeSeconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionCode}: questions open {QuestionsOpen}, slow mode {SlowModeSeconds} s")]
    private partial void LogControlsChanged(string sessionCode, bool questionsOpen, int slowModeSeconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionCode}: a phone was blocked by a moderator; {Hidden} of its questions hidden")]
    private partial void LogDeviceBlocked(string sessionCode, int hidden);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionCode}: a phone was unblocked by a moderator")]
    private partial void LogDeviceUnblocked(string sessionCode);
}
