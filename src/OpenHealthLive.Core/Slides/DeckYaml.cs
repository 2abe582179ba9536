using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace OpenHealthLive.Core.Slides;

/// <summary>
/// Loads the small YAML texts of a deck (front matter, poll blocks) so that no input can make the parser throw:
/// every failure comes back as a line and a reason, which the caller turns into a <see cref="DeckProblem"/>.
/// </summary>
internal static class DeckYaml
{
    /// <summary>
    /// Far deeper than front matter or a poll needs. YamlDotNet's document loader recurses once per level (a
    /// few thousand levels overflow the stack, which no catch survives) and its scanner slows down with the
    /// square of the depth, so deeper input is refused before it is loaded.
    /// </summary>
    public const int MaxDepth = 16;

    /// <summary>
    /// Reads <paramref name="yaml"/>. On success <see cref="Result.Root"/> is the first document's root node, or
    /// null when there is no document; on failure <see cref="Result.Error"/> says why and
    /// <see cref="Result.Line"/> where (1-based, within <paramref name="yaml"/>).
    /// </summary>
    public static Result Load(string yaml)
    {
        // Walk the events first: the parser keeps its own stack, so depth and aliases can be checked safely,
        // and the last event read locates the failures YamlDotNet reports without a position.
        var position = Mark.Empty;
        try
        {
            var parser = new Parser(new StringReader(yaml));
            var depth = 0;
            while (parser.MoveNext())
            {
                position = parser.Current!.Start;
                switch (parser.Current)
                {
                    // An alias can make a node contain itself, and YamlDotNet's loader then recurses until the
                    // stack overflows; a deck has no use for aliases anyway.
                    case AnchorAlias:
                        return Result.Failure(yaml, position, "aliases ('*name') are not supported here; write the value out.");
                    case SequenceStart or MappingStart when ++depth > MaxDepth:
                        return Result.Failure(yaml, position, $"lists and maps nest more than {MaxDepth} levels deep.");
                    case SequenceEnd or MappingEnd:
                        depth--;
                        break;
                }
            }

            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            return new Result(stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode, 0, null);
        }
        catch (YamlException ex)
        {
            // At the end of the text (an unclosed '[' or quote) YamlDotNet points past the last line; the last
            // event read is where the unfinished value starts, which is the line to fix.
            // YamlDotNet 18's messages carry no position prefix (DeckYamlTests holds them word for word).
            return Result.Failure(yaml, ex.Start.Line >= 1 && ex.Start.Line <= LineCount(yaml) ? ex.Start : position, ex.Message);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // YamlDotNet 18 also throws other exceptions for broken input (an unclosed '[' followed by another key
            // throws InvalidOperationException; an empty tag '!<>' throws ArgumentException), with messages meant
            // for programmers. A deck must never make the parser throw, so point at where reading stopped instead.
            return Result.Failure(yaml, position, "it cannot be read past this line; look for an unclosed '[', '{' or quote, or a stray '!', '&' or '*'.");
        }
    }

    /// <summary>Lines of text, not counting the empty one after a final newline.</summary>
    private static int LineCount(string text) => Math.Max(1, text.TrimEnd('\n').Count(c => c == '\n') + 1);

    /// <summary>The outcome of <see cref="Load"/>.</summary>
    /// <param name="Root">The first document's root node; null when there is none or on failure.</param>
    /// <param name="Line">1-based line of the failure within the YAML text; 0 on success.</param>
    /// <param name="Error">Why the YAML cannot be read, as the end of a sentence; null on success.</param>
    public sealed record Result(YamlNode? Root, int Line, string? Error)
    {
        /// <summary>True when the text could not be read.</summary>
        public bool Failed => Error is not null;

        internal static Result Failure(string yaml, Mark where, string error) => new(null, (int)Math.Clamp(where.Line, 1, LineCount(yaml)), error);
    }
}
