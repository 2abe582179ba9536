namespace OpenHealthLive.Core.Questions;

/// <summary>
/// Caps on the questions of one talk. They bound what a flood of made-up phones can store, and so what the
/// presenter has to wade through; the lists a phone is sent are bounded separately, by paging.
/// </summary>
public sealed class QuestionLimits
{
    /// <summary>Questions one talk stores at most (held and hidden ones included; deleted ones free their place).</summary>
    public int MaxPerSession { get; init; } = 1000;

    /// <summary>Questions one phone (one device cookie) may post in a talk, whatever connection it uses.</summary>
    public int MaxPerDevice { get; init; } = 20;
}
