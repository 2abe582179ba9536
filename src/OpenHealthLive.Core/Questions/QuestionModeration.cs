namespace OpenHealthLive.Core.Questions;

/// <summary>What the presenter can do to a question.</summary>
public enum QuestionModeration
{
    /// <summary>Show a held or hidden question to everyone.</summary>
    Approve,

    /// <summary>Take a question away from the audience (the presenter keeps it).</summary>
    Hide,

    /// <summary>Remove a question and its votes for good.</summary>
    Delete,

    /// <summary>Keep it at the top.</summary>
    Pin,

    /// <summary>Undo <see cref="Pin"/>.</summary>
    Unpin,

    /// <summary>Mark it as the one being answered now (only one at a time).</summary>
    AnswerNow,

    /// <summary>Clear "answering now".</summary>
    StopAnswering,

    /// <summary>Mark it answered.</summary>
    MarkAnswered,

    /// <summary>Undo <see cref="MarkAnswered"/>.</summary>
    MarkUnanswered,
}
