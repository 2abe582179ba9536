namespace OpenHealthLive.Core.Questions;

/// <summary>Tells the room about question changes after they are committed; the web app implements it with SignalR.</summary>
public interface IQuestionNotifier
{
    /// <summary>A question was posted or changed (text never changes; status, votes, pin, answered may).</summary>
    Task QuestionChangedAsync(QuestionView question, CancellationToken cancellationToken);

    /// <summary>A question was deleted.</summary>
    Task QuestionDeletedAsync(string sessionCode, long questionId, CancellationToken cancellationToken);

    /// <summary>Q&amp;A settings of a session changed (pre-moderation, the question being answered).</summary>
    Task SettingsChangedAsync(QnaSettings settings, CancellationToken cancellationToken);
}
