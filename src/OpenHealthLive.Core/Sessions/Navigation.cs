namespace OpenHealthLive.Core.Sessions;

/// <summary>What the presenter asked for.</summary>
public enum NavigationKind
{
    /// <summary>The next fragment, or the next slide when the slide is complete.</summary>
    Next,

    /// <summary>The previous fragment, or the previous slide with all its fragments shown.</summary>
    Previous,

    /// <summary>The first slide.</summary>
    First,

    /// <summary>The last slide, complete.</summary>
    Last,

    /// <summary>A given slide and fragment.</summary>
    GoTo,
}

/// <summary>A presenter's navigation request.</summary>
/// <param name="Kind">What to do.</param>
/// <param name="Slide">Target slide for <see cref="NavigationKind.GoTo"/>.</param>
/// <param name="Fragment">Target fragment for <see cref="NavigationKind.GoTo"/>.</param>
public readonly record struct Navigation(NavigationKind Kind, int Slide = 0, int Fragment = 0)
{
    /// <summary>Next step.</summary>
    public static Navigation Next { get; } = new(NavigationKind.Next);

    /// <summary>Previous step.</summary>
    public static Navigation Previous { get; } = new(NavigationKind.Previous);

    /// <summary>A given slide and fragment.</summary>
    public static Navigation GoTo(int slide, int fragment = 0) => new(NavigationKind.GoTo, slide, fragment);
}
