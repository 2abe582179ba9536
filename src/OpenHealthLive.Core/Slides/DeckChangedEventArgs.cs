namespace OpenHealthLive.Core.Slides;

/// <summary>Tells which deck's files changed.</summary>
public sealed class DeckChangedEventArgs(string slug) : EventArgs
{
    /// <summary>The deck's folder name.</summary>
    public string Slug { get; } = slug;
}
