namespace OpenHealthLive.Core.Questions;

/// <summary>The orders a list of questions is paged in; each is the order a screen shows it in.</summary>
public enum QuestionOrder
{
    /// <summary>The phone's "Top": pinned first, then most votes, then oldest first.</summary>
    Top,

    /// <summary>The phone's "Newest": pinned first, then newest first.</summary>
    Newest,

    /// <summary>The presenter's queue: held questions first (they wait for the presenter), then as <see cref="Top"/>.</summary>
    HeldFirst,
}
