namespace OpenHealthLive.Core.Slides;

/// <summary>How bad a <see cref="DeckProblem"/> is.</summary>
public enum DeckProblemSeverity
{
    /// <summary>The deck still loads, but something should be fixed.</summary>
    Warning,

    /// <summary>The deck cannot be presented until this is fixed.</summary>
    Error,
}

/// <summary>
/// Something wrong with a deck, located in its source file so an author can go straight to it.
/// </summary>
/// <param name="Severity">Whether the deck can still be presented.</param>
/// <param name="File">Path of the file, as given to the parser.</param>
/// <param name="Line">1-based line number, or 0 when the problem concerns the whole file.</param>
/// <param name="Message">What is wrong and, where it helps, how to fix it.</param>
public sealed record DeckProblem(DeckProblemSeverity Severity, string File, int Line, string Message)
{
    /// <summary>Formats the problem the way compilers do: <c>file:line: error: message</c>.</summary>
    public override string ToString()
    {
        var where = Line > 0 ? $"{File}:{Line}" : File;
        var kind = Severity == DeckProblemSeverity.Error ? "error" : "warning";
        return $"{where}: {kind}: {Message}";
    }
}
