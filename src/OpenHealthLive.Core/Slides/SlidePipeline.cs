using Markdig;

namespace OpenHealthLive.Core.Slides;

/// <summary>
/// The one Markdig pipeline for slides. A <see cref="MarkdownPipeline"/> is immutable and thread-safe, so it
/// is built once. Extensions are listed one by one rather than through <c>UseAdvancedExtensions()</c>, so
/// that a Markdig upgrade cannot change how existing decks render.
/// </summary>
/// <remarks>Slides are trusted content written by the speaker: raw HTML stays enabled here. Audience text
/// must never go through this pipeline.</remarks>
public static class SlidePipeline
{
    /// <summary>The shared pipeline.</summary>
    public static MarkdownPipeline Instance { get; } = new MarkdownPipelineBuilder()
        .UseYamlFrontMatter()
        .UsePipeTables()
        .UseGridTables()
        .UseFootnotes()
        .UseEmphasisExtras()
        .UseListExtras()
        .UseTaskLists()
        .UseAutoLinks()
        .UseEmojiAndSmiley(enableSmileys: false)
        .UseCustomContainers()
        .Use<Rendering.SlideRenderingExtension>()
        // Generic attributes must come last: it attaches {#id .class} to what the other extensions produce.
        .UseGenericAttributes()
        .Build();
}
