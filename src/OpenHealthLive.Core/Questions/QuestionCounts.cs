namespace OpenHealthLive.Core.Questions;

/// <summary>How many questions a session has, by who can see them: a screen that holds only a page of the list still shows the totals.</summary>
/// <param name="Visible">Shown to everyone.</param>
/// <param name="Held">Waiting for the presenter.</param>
/// <param name="Hidden">Hidden by the presenter.</param>
public sealed record QuestionCounts(int Visible, int Held, int Hidden)
{
    /// <summary>Every stored question.</summary>
    public int Total => Visible + Held + Hidden;
}
