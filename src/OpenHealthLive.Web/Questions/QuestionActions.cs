using OpenHealthLive.Core.Questions;

namespace OpenHealthLive.Web.Questions;

/// <summary>The wire names of moderation actions.</summary>
internal static class QuestionActions
{
    private static readonly Dictionary<string, QuestionModeration> ByName = new(StringComparer.Ordinal)
    {
        ["approve"] = QuestionModeration.Approve,
        ["hide"] = QuestionModeration.Hide,
        ["delete"] = QuestionModeration.Delete,
        ["pin"] = QuestionModeration.Pin,
        ["unpin"] = QuestionModeration.Unpin,
        ["answer-now"] = QuestionModeration.AnswerNow,
        ["stop-answering"] = QuestionModeration.StopAnswering,
        ["mark-answered"] = QuestionModeration.MarkAnswered,
        ["mark-unanswered"] = QuestionModeration.MarkUnanswered,
    };

    public static IEnumerable<string> Names => ByName.Keys;

    public static bool TryParse(string? name, out QuestionModeration action) => ByName.TryGetValue(name ?? string.Empty, out action);
}
