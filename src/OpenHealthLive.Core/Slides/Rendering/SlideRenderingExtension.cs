using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace OpenHealthLive.Core.Slides.Rendering;

/// <summary>Swaps Markdig's code block renderer for <see cref="SlideCodeBlockRenderer"/> (highlighting and poll cards).</summary>
internal sealed class SlideRenderingExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && html.ObjectRenderers.FindExact<CodeBlockRenderer>() is { } original)
        {
            html.ObjectRenderers.Replace<CodeBlockRenderer>(new SlideCodeBlockRenderer(original));
        }
    }
}
