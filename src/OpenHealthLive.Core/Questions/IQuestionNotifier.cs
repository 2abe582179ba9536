namespace OpenHealthLive.Core.Questions;

/// <summary>Tells the room about question changes after they are committed; the web app implements it with SignalR.</summary>
public interface IQuestionNotifier
{
    /// <summary>A question was posted or changed (text never changes; status, votes, pin, answered may).</summary>
    Task QuestionChangedAsync(QuestionView question, CancellationToken cancellationToken);

    /// <summary>A question was deleted.</summary>
    Task QuestionDeletedAsync(string sessionCode, long questionId, CancellationToken cancellationToken);

    /// <summary>Q&amp;A settings of a session changed (pre-moderation, the question being answered, open or closed, slow mode).</summary>
    Task SettingsChangedAsync(QnaSettings settings, CancellationToken cancellationToken);

    /// <summary>A phone was blocked or unblocked: the session's blocked phones now (for staff only).</summary>
    Task BlockedDevicesChangedAsync(string sessionCode, IReadOnlyList<BlockedDevice> blocked, CancellationToken cancellationToken);
}
